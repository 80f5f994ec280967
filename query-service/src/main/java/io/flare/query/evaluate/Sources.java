package io.flare.query.evaluate;

import java.util.ArrayList;
import java.util.List;

import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.Filter;
import io.flare.query.definition.FilterOp;
import io.flare.query.definition.ParameterRef;

/**
 * The sources a metric reads, from its filters on {@code source}: their watermarks decide
 * which buckets are final.
 */
final class Sources {

	private Sources() {
	}

	/**
	 * The sources named by {@code source} eq/in filters; empty when the metric reads
	 * every source.
	 */
	static List<String> of(QueryPlan plan) {
		List<String> sources = new ArrayList<>();
		for (Filter filter : plan.definition().filters()) {
			if ("source".equals(filter.column()) && filter.op() != FilterOp.RANGE) {
				for (String operand : filter.operands()) {
					sources.add(ParameterRef.name(operand).map(plan.parameters()::get).orElse(operand));
				}
			}
		}
		return sources;
	}

}
