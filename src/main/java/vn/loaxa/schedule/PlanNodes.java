package vn.loaxa.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The plan files' YAML as SnakeYAML composes it, with each node's line: a document, its known
 * fields, lists and values. Every mistake is added to the reader's errors as a {@link PlanError}
 * naming the file, the line and the field it is about; nothing here throws.
 */
final class PlanNodes {

	private final List<PlanError> errors;
	/** The key each value node was read under, so every error names its field (the API's {@code field}). */
	private final Map<Node, String> fieldOf = new IdentityHashMap<>();

	PlanNodes(List<PlanError> errors) {
		this.errors = errors;
	}

	MappingNode document(String file, String text) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int tab = lines[i].indexOf('\t');
			if (tab >= 0) {
				errors.add(new PlanError(file, i + 1, "tab", tab + 1));
				return null;
			}
		}
		Node root;
		try (Reader reader = new StringReader(text)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
					: e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
			errors.add(new PlanError(file, line, "syntax", e.getProblem() == null ? e.getMessage() : e.getProblem()));
			return null;
		}
		catch (YAMLException | IOException e) {
			errors.add(new PlanError(file, 0, "syntax", e.getMessage()));
			return null;
		}
		if (root == null) {
			errors.add(new PlanError(file, 1, "emptyFile"));
			return null;
		}
		if (!(root instanceof MappingNode map)) {
			errors.add(error(file, root, "notMap", file));
			return null;
		}
		return map;
	}

	Map<String, Node> fields(String file, MappingNode node, Set<String> known) {
		Map<String, Node> result = new LinkedHashMap<>();
		for (NodeTuple tuple : node.getValue()) {
			String key = scalar(file, tuple.getKeyNode());
			if (key == null) {
				continue;
			}
			fieldOf.put(tuple.getKeyNode(), key);
			if (!known.contains(key)) {
				errors.add(error(file, tuple.getKeyNode(), "unknownField", key, String.join(", ", new TreeSet<>(known))));
				continue;
			}
			if (result.containsKey(key)) {
				errors.add(error(file, tuple.getKeyNode(), "duplicateField", key));
				continue;
			}
			result.put(key, tuple.getValueNode());
			mark(key, tuple.getValueNode());
		}
		return result;
	}

	private void mark(String key, Node value) {
		fieldOf.put(value, key);
		if (value instanceof SequenceNode seq) {
			seq.getValue().forEach(item -> fieldOf.putIfAbsent(item, key));
		}
	}

	List<MappingNode> items(String file, Node node, Node parent, String field, boolean required) {
		List<MappingNode> result = new ArrayList<>();
		if (node == null) {
			if (required) {
				errors.add(error(file, parent, "missing", field));
			}
			return result;
		}
		for (Node item : list(file, node)) {
			if (item instanceof MappingNode map) {
				result.add(map);
			}
			else {
				errors.add(error(file, item, "notMap", field));
			}
		}
		return result;
	}

	List<Node> list(String file, Node node) {
		if (node instanceof SequenceNode seq) {
			return seq.getValue();
		}
		if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
			return List.of(node);
		}
		if (node instanceof ScalarNode) {
			return List.of();
		}
		errors.add(error(file, node, "notList"));
		return List.of();
	}

	List<String> strings(String file, Node node) {
		if (node == null) {
			return List.of();
		}
		return list(file, node).stream().map(n -> scalar(file, n)).filter(s -> s != null && !s.isBlank()).toList();
	}

	String scalar(String file, Node node) {
		if (node == null) {
			return null;
		}
		if (node instanceof ScalarNode s) {
			return s.getValue();
		}
		errors.add(error(file, node, "notValue"));
		return null;
	}

	String required(String file, Node parent, Map<String, Node> f, String field) {
		String value = optional(file, f, field);
		if (value == null || value.isBlank()) {
			errors.add(error(file, f.containsKey(field) ? f.get(field) : parent, "missing", field));
			return null;
		}
		return value.trim();
	}

	String optional(String file, Map<String, Node> f, String field) {
		String value = scalar(file, f.get(field));
		return value == null ? null : value.trim();
	}

	static int line(Node node) {
		return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
	}

	PlanError error(String file, Node node, String code, Object... details) {
		PlanError error = new PlanError(file, line(node), code, details);
		String field = "missing".equals(code) && details.length > 0 ? String.valueOf(details[0]) : fieldOf.get(node);
		if (field != null) {
			error.withField(field);
		}
		return error;
	}
}
