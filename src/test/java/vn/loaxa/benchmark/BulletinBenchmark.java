package vn.loaxa.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.faults.FaultCommune;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.LoaxaProcess;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDatabase;

/**
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=BulletinBenchmark [-Dcommunes=168]}: the
 * province's hub (its own process, on the embedded PostgreSQL) with {@code communes} enrolled
 * communes, each a lightweight client holding its open request for bulletins, as the province link
 * does. An EMERGENCY bulletin is published; each client verifies the hub's signature, fetches the
 * audio and checks its hash. Printed: the time from publish until each commune has it verified
 * (median, 99th percentile, last). Then one real commune (its own process, file sink) linked to
 * the hub: publish → the first frames of the bulletin in its sink. Figures printed, never asserted.
 */
public final class BulletinBenchmark {

	private static final String PASSWORD = "bench-pass-12345";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private BulletinBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int communes = Integer.getInteger("communes", 168);
		System.setProperty("loaxa.test.db", "postgres");
		Path root = Files.createTempDirectory("loaxa-bulletin-bench");
		String db = TestDatabase.create();
		try (LoaxaProcess hub = new LoaxaProcess(root.resolve("hub"), PASSWORD, List.of("--loaxa.mode=province",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + db, "--spring.datasource.username="
						+ TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
				"--logging.level.root=WARN"))) {
			Files.createDirectories(hub.root().resolve("media"));
			Files.createDirectories(hub.root().resolve("schedules"));
			hub.start().awaitUp(Duration.ofSeconds(180));
			List<String> tokens = new ArrayList<>();
			for (int c = 1; c <= communes; c++) {
				tokens.add(enrol(hub, "xa-" + c, "Xã số " + c, CommuneKey.newPem()));
			}
			PublicKey hubKey = hubKey(hub);
			fleet(hub, tokens, hubKey);
			realCommune(hub, root);
		}
	}

	/** Every client waiting, one publish, each client's time until it holds the bulletin verified. */
	private static void fleet(LoaxaProcess hub, List<String> tokens, PublicKey hubKey) throws Exception {
		long[] verifiedAt = new long[tokens.size()];
		long[] published = new long[1];
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			int n = i;
			String token = tokens.get(i);
			done.add(HTTP.sendAsync(get(hub, "/api/province/inbox?wait=60", token), HttpResponse.BodyHandlers.ofString())
				.thenCompose(r -> verify(hub, token, r.body(), hubKey))
				.thenAccept(ok -> verifiedAt[n] = System.nanoTime()));
		}
		Thread.sleep(5_000); // every request open at the hub
		byte[] sound = TestAudio.uniqueMp3(3, "Cảnh báo");
		published[0] = System.nanoTime();
		ApiClient.Response p = hub.admin().upload("/api/province/bulletins", "canh-bao.mp3", sound, Map.of("title",
				"Cảnh báo lũ quét", "level", "EMERGENCY", "validUntil", Instant.now().plusSeconds(3600).toString()));
		long publishMs = (System.nanoTime() - published[0]) / 1_000_000;
		if (p.status() != 201) {
			throw new IllegalStateException(p.toString());
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
		long[] ms = java.util.Arrays.stream(verifiedAt).map(t -> (t - published[0]) / 1_000_000).sorted().toArray();
		System.out.printf("bulletins: %d communes waiting; publish (import of a 3 s MP3, signing) answered in %d ms%n",
				ms.length, publishMs);
		System.out.printf("bulletins: publish → verified (signature + audio hash) at each commune: median %d ms, "
				+ "p99 %d ms, last %d ms%n", ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]);
	}

	private static CompletableFuture<Boolean> verify(LoaxaProcess hub, String token, String body, PublicKey hubKey) {
		try {
			JsonNode item = JSON.readTree(body).get(0);
			String manifest = item.path("manifest").asText();
			Signature s = Signature.getInstance("Ed25519");
			s.initVerify(hubKey);
			s.update(manifest.getBytes(StandardCharsets.UTF_8));
			if (!s.verify(Base64.getDecoder().decode(item.path("signature").asText()))) {
				throw new IllegalStateException("bad signature");
			}
			JsonNode m = JSON.readTree(manifest);
			return HTTP.sendAsync(get(hub, "/api/province/inbox/" + m.path("id").asLong() + "/audio", token),
					HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
						try {
							String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
							if (!sha.equals(m.path("audio").path("sha256").asText())) {
								throw new IllegalStateException("audio altered");
							}
							return true;
						}
						catch (java.security.NoSuchAlgorithmException e) {
							throw new IllegalStateException(e);
						}
					});
		}
		catch (Exception e) {
			return CompletableFuture.failedFuture(e);
		}
	}

	/** A real commune (file sink) linked to the hub: publish → the bulletin's first frames in its sink. */
	private static void realCommune(LoaxaProcess hub, Path root) throws Exception {
		Path dir = root.resolve("commune");
		FaultCommune.zones(dir, 2);
		String pem = vn.loaxa.province.CommuneKeys.writeNew(dir.resolve("data"));
		String token = enrol(hub, "xa-that", "Xã thật", pem);
		try (LoaxaProcess commune = new LoaxaProcess(dir, PASSWORD, List.of("--loaxa.commune.id=xa-that",
				"--loaxa.province.url=" + hub.baseUrl(), "--loaxa.province.token=" + token))) {
			commune.start().awaitUp(Duration.ofSeconds(180));
			Thread.sleep(5_000); // its open request at the hub
			byte[] sound = TestAudio.uniqueMp3(3, "Cảnh báo thật");
			long t0 = System.nanoTime();
			ApiClient.Response p = hub.admin().upload("/api/province/bulletins", "canh-bao.mp3", sound, Map.of("title",
					"Cảnh báo sạt lở", "level", "EMERGENCY", "communes", "xa-that", "validUntil",
					Instant.now().plusSeconds(3600).toString()));
			if (p.status() != 201) {
				throw new IllegalStateException(p.toString());
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (Path wav : FaultCommune.wavs(commune.sinkDir())) {
					if (Files.size(wav) > 44 + 4_410) {
						System.out.printf("bulletins: publish → first 0.1 s of sound in a real commune's file sink: %d ms%n",
								(System.nanoTime() - t0) / 1_000_000);
						return;
					}
				}
				Thread.sleep(20);
			}
			System.out.println("bulletins: the real commune did not air it within 60 s");
		}
	}

	private static HttpRequest get(LoaxaProcess hub, String path, String token) {
		return HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(90))
			.header("Authorization", "Bearer " + token).GET().build();
	}

	private static String enrol(LoaxaProcess hub, String id, String name, String pem) throws Exception {
		ApiClient.Response r = hub.admin().postJson("/api/province/communes", Map.of("id", id, "name", name,
				"publicKey", pem));
		if (r.status() != 201) {
			throw new IllegalStateException(r.toString());
		}
		return r.json().path("token").asText();
	}

	private static PublicKey hubKey(LoaxaProcess hub) throws Exception {
		String pem = hub.admin().get("/api/province/public-key").body();
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
			.decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
	}

	/** Keys for the lightweight clients: only their public half matters to the hub. */
	private static final class CommuneKey {
		static String newPem() throws Exception {
			return vn.loaxa.security.CommuneKey.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
		}
	}
}
