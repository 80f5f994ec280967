package io.flare.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.flare.benchmarks.pinot.TableDesignBenchmark;
import io.flare.benchmarks.pinot.TableDesignOptions;
import io.flare.benchmarks.support.UsageException;
import io.flare.infra.stack.StackProperties;

/**
 * {@code benchmarks/run <benchmark> [options]}: runs one benchmark against the local
 * stack and writes its results to {@code benchmarks/results/}.
 */
public final class BenchmarksMain {

	private static final String USAGE = """
			usage: benchmarks/run <benchmark> [options]

			benchmarks:
			  table-design   star-tree table vs the same table without it: ingestion, query latency, freshness
			  gateway        dashboard gateway: push latency, 10,000 subscriptions, Pinot queries/s vs subscribers
			                 (benchmarks/run gateway --help)
			  query          the query service on the example metrics: uncached, cached, vs Pinot direct and
			                 vs no star-tree, 50 concurrent clients (benchmarks/run query --help)

			""";

	private BenchmarksMain() {
	}

	public static void main(String[] args) {
		System.exit(run(List.of(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
			out.print(USAGE + TableDesignOptions.USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		if (!args.get(0).equals(TableDesignBenchmark.NAME)) {
			err.print("Unknown benchmark '" + args.get(0) + "'\n\n" + USAGE);
			return 2;
		}
		List<String> options = args.subList(1, args.size());
		if (options.contains("--help")) {
			out.print(TableDesignOptions.USAGE);
			return 0;
		}
		TableDesignOptions parsed;
		try {
			parsed = TableDesignOptions.parse(options);
		}
		catch (UsageException ex) {
			err.print(ex.getMessage() + "\n\n" + TableDesignOptions.USAGE);
			return 2;
		}
		StackProperties stack = StackProperties.fromEnvironment(StackProperties.locateRoot());
		Path results = stack.root().resolve("benchmarks").resolve("results");
		String command = "benchmarks/run " + String.join(" ", args);
		return new TableDesignBenchmark(stack, parsed, command, results, out).run();
	}

}
