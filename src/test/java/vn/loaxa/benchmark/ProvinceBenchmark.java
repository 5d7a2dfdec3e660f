package vn.loaxa.benchmark;

/**
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=ProvinceBenchmark [-Dcommunes=300 -Drecords=15000]}:
 * a year of a district's communes into the hub on PostgreSQL, then the quarterly district report in
 * every format. Figures printed, never asserted.
 */
public final class ProvinceBenchmark {

	private ProvinceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		vn.loaxa.province.ProvinceIngestBenchmark.run(Integer.getInteger("communes", 300),
				Integer.getInteger("records", 15_000));
	}
}
