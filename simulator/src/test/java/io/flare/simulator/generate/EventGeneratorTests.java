package io.flare.simulator.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventGeneratorTests {

	private static final long START = 1_767_225_600_000L;

	private static final int SAMPLE = 100_000;

	@Test
	void shouldGenerateTheSameEventsForTheSameSeedAndClock() {
		List<GeneratedEvent> first = generate(GeneratorProperties.defaults(42), 20_000);
		List<GeneratedEvent> second = generate(GeneratorProperties.defaults(42), 20_000);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void shouldGenerateDifferentEventsForDifferentSeeds() {
		List<GeneratedEvent> first = generate(GeneratorProperties.defaults(1), 1_000);
		List<GeneratedEvent> second = generate(GeneratorProperties.defaults(2), 1_000);
		assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
	}

	@Test
	void shouldKeepEventIdsUniqueWhenThereAreNoDuplicates() {
		List<GeneratedEvent> events = generate(GeneratorProperties.defaults(7).withFractions(0.1, 0.2, 0), SAMPLE);
		assertThat(new HashSet<>(ids(events))).hasSize(SAMPLE);
	}

	@Test
	void shouldProduceOnlyEventsThatSatisfyTheContract() {
		for (GeneratedEvent event : generate(GeneratorProperties.defaults(3), SAMPLE)) {
			assertThat(event.eventId()).isNotBlank().hasSizeLessThanOrEqualTo(128);
			assertThat(List.of(event.source(), event.category(), event.type(), event.entityId()))
				.allSatisfy((field) -> assertThat(field).isNotBlank());
			assertThat(event.eventTime()).isBetween(START - 120_000 - SAMPLE, START + 2L * SAMPLE);
			assertThat(event.location().country()).matches("[A-Z]{2}");
			assertThat(event.location().region()).isNotBlank();
			assertThat(event.location().city()).isNotBlank();
			assertThat(event.location().lat()).isBetween(-90.0, 90.0);
			assertThat(event.location().lon()).isBetween(-180.0, 180.0);
			assertThat(event.value()).isFinite().isNotNegative();
			assertThat(event.attributes()).isNotEmpty().allSatisfy((key, value) -> {
				assertThat(key).isNotBlank().hasSizeLessThanOrEqualTo(16);
				assertThat(value).isNotBlank().hasSizeLessThanOrEqualTo(32);
			});
		}
	}

	@Test
	void shouldCoverEveryCategoryWithItsTypesAndEntityPrefix() {
		Map<String, Set<String>> types = new HashMap<>();
		for (GeneratedEvent event : generate(GeneratorProperties.defaults(5), SAMPLE)) {
			types.computeIfAbsent(event.category(), (category) -> new HashSet<>()).add(event.type());
			assertThat(event.entityId()).matches(prefix(event.category()) + "-\\d{6}");
		}
		assertThat(types).containsOnly(Map.entry("movies", Set.of("release", "trailer", "review", "boxoffice")),
				Map.entry("sports", Set.of("goal", "kickoff", "card", "final")),
				Map.entry("tickets", Set.of("drop", "sale", "soldout")),
				Map.entry("news", Set.of("headline", "update")));
	}

	@Test
	void shouldSkewEntityPopularityWithinEachCategory() {
		List<GeneratedEvent> events = generate(GeneratorProperties.defaults(11).withFractions(0, 0, 0), SAMPLE);
		Map<String, Map<String, Long>> counts = events.stream()
			.collect(Collectors.groupingBy(GeneratedEvent::category,
					Collectors.groupingBy(GeneratedEvent::entityId, Collectors.counting())));
		counts.forEach((category, perEntity) -> {
			List<Long> sorted = perEntity.values().stream().sorted().toList();
			long top = sorted.get(sorted.size() - 1);
			long median = (sorted.size() > 1250) ? sorted.get(sorted.size() - 1250) : 0;
			long categoryTotal = sorted.stream().mapToLong(Long::longValue).sum();
			assertThat(top).as("top entity of %s", category).isGreaterThan(50 * Math.max(1, median));
			assertThat((double) top / categoryTotal).as("top share of %s", category).isGreaterThan(0.05);
		});
	}

	@Test
	void shouldDeliverTheConfiguredFractionsOfLateOutOfOrderAndDuplicateEvents() {
		GeneratorProperties properties = GeneratorProperties.defaults(13).withFractions(0.04, 0.06, 0.02);
		Set<String> seen = new HashSet<>();
		long late = 0;
		long outOfOrder = 0;
		long duplicates = 0;
		long newest = Long.MIN_VALUE;
		for (GeneratedEvent event : generate(properties, SAMPLE)) {
			if (!seen.add(event.eventId())) {
				duplicates++;
			}
			else if (event.eventTime() < newest - 500) {
				late++;
			}
			else if (event.eventTime() < newest) {
				outOfOrder++;
			}
			newest = Math.max(newest, event.eventTime());
		}
		assertThat(late / (double) SAMPLE).isCloseTo(0.04, within(0.005));
		assertThat(outOfOrder / (double) SAMPLE).isCloseTo(0.06, within(0.005));
		assertThat(duplicates / (double) SAMPLE).isCloseTo(0.02, within(0.003));
	}

	@Test
	void shouldDelayLateEventsBySecondsToMinutesUpToTheMaximum() {
		GeneratorProperties properties = GeneratorProperties.defaults(17).withFractions(1, 0, 0);
		List<GeneratedEvent> events = generate(properties, 10_000);
		for (int i = 0; i < events.size(); i++) {
			long lateness = START + i - events.get(i).eventTime();
			assertThat(lateness).isBetween(1_000L, 120_000L);
		}
	}

	@Test
	void shouldSellOutATicketDropAfterASpikeOfSales() {
		List<GeneratedEvent> tickets = generate(GeneratorProperties.defaults(19).withFractions(0, 0, 0), SAMPLE)
			.stream()
			.filter((event) -> event.category().equals("tickets"))
			.toList();
		Map<String, List<String>> typesByShow = tickets.stream()
			.collect(Collectors.groupingBy(GeneratedEvent::entityId,
					Collectors.mapping(GeneratedEvent::type, Collectors.toList())));
		assertThat(typesByShow.values()).anySatisfy((types) -> {
			int drop = types.indexOf("drop");
			int soldOut = types.lastIndexOf("soldout");
			assertThat(drop).isNotNegative();
			assertThat(soldOut).isGreaterThan(drop);
			assertThat(types.subList(drop, soldOut).stream().filter("sale"::equals).count()).isGreaterThan(50);
		});
	}

	private static List<GeneratedEvent> generate(GeneratorProperties properties, int count) {
		EventGenerator generator = new EventGenerator(properties, TestClocks.ticking(START));
		List<GeneratedEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i += 1000) {
			events.addAll(generator.next(Math.min(1000, count - i)));
		}
		return events;
	}

	private static List<String> ids(List<GeneratedEvent> events) {
		return events.stream().map(GeneratedEvent::eventId).toList();
	}

	private static String prefix(String category) {
		return switch (category) {
			case "movies" -> "movie";
			case "sports" -> "match";
			case "tickets" -> "show";
			default -> "story";
		};
	}

}
