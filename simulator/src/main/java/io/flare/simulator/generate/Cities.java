package io.flare.simulator.generate;

import java.util.List;

/**
 * Real cities where events happen, weighted roughly by how much goes on there.
 */
final class Cities {

	private static final List<City> TABLE = List.of(city("US", "New York", "New York", 40.7128, -74.0060, 10),
			city("US", "California", "Los Angeles", 34.0522, -118.2437, 8),
			city("US", "Illinois", "Chicago", 41.8781, -87.6298, 5),
			city("US", "Texas", "Houston", 29.7604, -95.3698, 4),
			city("US", "California", "San Francisco", 37.7749, -122.4194, 4),
			city("US", "Florida", "Miami", 25.7617, -80.1918, 3),
			city("US", "Washington", "Seattle", 47.6062, -122.3321, 3),
			city("CA", "Ontario", "Toronto", 43.6532, -79.3832, 4),
			city("CA", "British Columbia", "Vancouver", 49.2827, -123.1207, 2),
			city("MX", "Mexico City", "Mexico City", 19.4326, -99.1332, 5),
			city("BR", "São Paulo", "São Paulo", -23.5505, -46.6333, 6),
			city("BR", "Rio de Janeiro", "Rio de Janeiro", -22.9068, -43.1729, 4),
			city("AR", "Buenos Aires", "Buenos Aires", -34.6037, -58.3816, 4),
			city("GB", "England", "London", 51.5074, -0.1278, 9),
			city("GB", "England", "Manchester", 53.4808, -2.2426, 3),
			city("IE", "Leinster", "Dublin", 53.3498, -6.2603, 2),
			city("FR", "Île-de-France", "Paris", 48.8566, 2.3522, 7),
			city("DE", "Berlin", "Berlin", 52.5200, 13.4050, 5), city("DE", "Bavaria", "Munich", 48.1351, 11.5820, 3),
			city("ES", "Community of Madrid", "Madrid", 40.4168, -3.7038, 5),
			city("ES", "Catalonia", "Barcelona", 41.3874, 2.1686, 4), city("IT", "Lazio", "Rome", 41.9028, 12.4964, 4),
			city("IT", "Lombardy", "Milan", 45.4642, 9.1900, 4),
			city("NL", "North Holland", "Amsterdam", 52.3676, 4.9041, 3),
			city("SE", "Stockholm", "Stockholm", 59.3293, 18.0686, 2),
			city("PL", "Masovia", "Warsaw", 52.2297, 21.0122, 2),
			city("TR", "Istanbul", "Istanbul", 41.0082, 28.9784, 4), city("EG", "Cairo", "Cairo", 30.0444, 31.2357, 3),
			city("NG", "Lagos", "Lagos", 6.5244, 3.3792, 3),
			city("ZA", "Gauteng", "Johannesburg", -26.2041, 28.0473, 2),
			city("KE", "Nairobi", "Nairobi", -1.2921, 36.8219, 2), city("AE", "Dubai", "Dubai", 25.2048, 55.2708, 3),
			city("IN", "Maharashtra", "Mumbai", 19.0760, 72.8777, 6),
			city("IN", "Delhi", "New Delhi", 28.6139, 77.2090, 6),
			city("IN", "Karnataka", "Bengaluru", 12.9716, 77.5946, 4),
			city("SG", "Singapore", "Singapore", 1.3521, 103.8198, 3),
			city("JP", "Tokyo", "Tokyo", 35.6762, 139.6503, 8), city("JP", "Osaka", "Osaka", 34.6937, 135.5023, 3),
			city("KR", "Seoul", "Seoul", 37.5665, 126.9780, 5),
			city("CN", "Shanghai", "Shanghai", 31.2304, 121.4737, 5),
			city("ID", "Jakarta", "Jakarta", -6.2088, 106.8456, 3),
			city("AU", "New South Wales", "Sydney", -33.8688, 151.2093, 4),
			city("AU", "Victoria", "Melbourne", -37.8136, 144.9631, 3));

	private Cities() {
	}

	static List<GeneratedLocation> all() {
		return TABLE.stream().map(City::location).toList();
	}

	static Weighted<GeneratedLocation> weighted() {
		return new Weighted<>(all(), TABLE.stream().mapToDouble(City::weight).toArray());
	}

	private static City city(String country, String region, String name, double lat, double lon, double weight) {
		return new City(new GeneratedLocation(country, region, name, lat, lon), weight);
	}

	private record City(GeneratedLocation location, double weight) {

	}

}
