package vn.loaxa.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the LoaXa processes a test starts. Taken below the kernel's ephemeral range (32768 and
 * up on Linux, 49152 and up on Windows), so no outgoing connection and no {@code port 0} listener
 * can take one while its process is down between a kill and a restart, and never handed out twice
 * in one test run.
 */
public final class TestPorts {

	private static final int LOW = 20_000;

	private static final int HIGH = 32_000;

	private static final Set<Integer> handedOut = new HashSet<>();

	private TestPorts() {
	}

	public static synchronized int reserve() {
		for (int attempt = 0; attempt < 500; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
			if (!handedOut.contains(port) && bindable(port)) {
				handedOut.add(port);
				return port;
			}
		}
		throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}
}
