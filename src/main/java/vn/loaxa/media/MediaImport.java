package vn.loaxa.media;

import java.io.PrintStream;

import org.springframework.stereotype.Service;

import vn.loaxa.media.internal.MediaFolderScan;

/** Imports the media folder on demand: "Quét lại", and {@code java -jar loaxa.jar import} for scripts. */
@Service
public class MediaImport {

	private final MediaFolderImporter folder;

	MediaImport(MediaFolderImporter folder) {
		this.folder = folder;
	}

	public MediaFolderScan scan() {
		return folder.scan();
	}

	/** The command-line job: prints what happened to each file; exit 0 when nothing was refused, else 1. */
	public int runCommand(PrintStream out, PrintStream err) {
		MediaFolderScan scan = scan();
		scan.imported().forEach(file -> out.println("nhập mới / imported: " + file));
		scan.known().forEach(file -> out.println("đã có / already in the library: " + file));
		scan.refused().forEach(r -> err.println("từ chối / refused: " + r.file() + " (" + r.reason().code() + ")"));
		out.printf("%d nhập mới, %d đã có, %d bị từ chối%n", scan.imported().size(), scan.known().size(),
				scan.refused().size());
		return scan.refused().isEmpty() ? 0 : 1;
	}
}
