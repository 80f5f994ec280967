package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.flare.benchmarks.support.LatencySummary;

/** Prints a run's findings for people; the results file has every figure. */
final class SummaryPrinter {

	private final PrintStream out;

	SummaryPrinter(PrintStream out) {
		this.out = out;
	}

	void print(TableDesignResults results, Path file) {
		this.out.println();
		this.out.println("== table-design summary ==");
		EventLoader.ProduceResult produce = results.produce();
		if (produce != null) {
			this.out.printf("produce    %,d events in %.1f s: %,d events/s, %.1f MB/s (raw-producer ceiling)%n",
					produce.events(), produce.seconds(), produce.eventsPerSecond(), produce.megabytesPerSecond());
		}
		results.ingestion()
			.forEach((variant, ingestion) -> this.out.printf(
					"ingest     %-5s %,d rows in %.1f s: %,d rows/s overall, %,d rows/s steady (10-90%%),"
							+ " first row after %.1f s; %d segments, %d consuming with %,d rows%n",
					variant.id(), ingestion.rows(), ingestion.seconds(), ingestion.rowsPerSecond(),
					ingestion.steadyRowsPerSecond(), ingestion.timeToFirstRowSeconds(), ingestion.segments().segments(),
					ingestion.segments().consumingSegments(), ingestion.segments().rowsInConsumingSegments()));
		QueryResults queries = results.queries();
		if (queries != null) {
			printQueries("queries    as ingested (last rows still in consuming segments)", queries);
		}
		QueryResults settled = results.queriesSettled();
		if (settled != null) {
			printQueries("queries    settled (consuming segments sealed)", settled);
		}
		FreshnessResult freshness = results.freshness();
		if (freshness != null) {
			printRound("fresh      idle  ", freshness.idle());
			if (freshness.loaded() != null) {
				printRound("fresh      loaded", freshness.loaded());
				this.out.printf("           (background load %,d events/s asked, %,d sent)%n",
						freshness.loadTargetPerSecond(), freshness.loadAchievedPerSecond());
			}
		}
		printTargets("target     ", results.targets());
		printTargets("settled    ", results.targetsSettled());
		this.out.println("results    " + file);
	}

	private void printTargets(String label, List<Target> targets) {
		for (Target target : targets) {
			String verdict = (target.met() == null) ? "not measured" : (target.met() ? "met" : "NOT met");
			this.out.printf("%s%-50s %-16s actual %-10s %s%n", label, target.name(), target.target(),
					(target.actual() != null) ? String.format("%.2f", target.actual()) : "-", verdict);
		}
	}

	private void printQueries(String title, QueryResults queries) {
		this.out.println(title);
		this.out.println("           anchored at T = " + queries.anchorUtc()
				+ " (client ms p50/p90/p99/max | Pinot timeUsedMs p50/p99 | median docs scanned)");
		for (QueryStats stats : queries.stats()) {
			LatencySummary client = stats.clientMs();
			this.out.printf("  (%s) %-5s %7.1f %7.1f %7.1f %7.1f | %6.1f %6.1f | %,d of %,d%n", stats.query(),
					stats.variant(), client.p50(), client.p90(), client.p99(), client.max(), stats.pinotMs().p50(),
					stats.pinotMs().p99(), stats.medianDocsScanned(), stats.totalDocs());
		}
		for (QueryComparison comparison : queries.comparisons()) {
			this.out.printf("  (%s) plain/star p50 %.2fx, p99 %.2fx; results match: %s%n", comparison.query(),
					comparison.p50Ratio(), comparison.p99Ratio(), comparison.resultsMatch());
		}
	}

	private void printRound(String label, FreshnessProbe.Round round) {
		LatencySummary latency = round.latencyMs();
		if (latency == null) {
			this.out.printf("%s none of %d probes became visible%n", label, round.probes());
			return;
		}
		this.out.printf("%s produced->visible p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d/%d visible)%n", label,
				latency.p50(), latency.p99(), latency.max(), round.visible(), round.probes());
	}

}
