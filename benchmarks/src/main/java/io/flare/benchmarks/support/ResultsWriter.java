package io.flare.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a run's results as indented JSON to
 * {@code <folder>/<benchmark>-<UTC timestamp>.json}.
 */
public final class ResultsWriter {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Path folder;

	public ResultsWriter(Path folder) {
		this.folder = folder;
	}

	/**
	 * The file a run's results go to.
	 * @param benchmark the benchmark's name, e.g. {@code table-design}
	 * @param run the run
	 * @return the path, whether or not it exists yet
	 */
	public Path fileFor(String benchmark, RunId run) {
		return this.folder.resolve(benchmark + "-" + run.timestamp() + ".json");
	}

	/**
	 * Writes (or overwrites) the run's results.
	 * @param benchmark the benchmark's name
	 * @param run the run
	 * @param results records, lists and maps that Jackson can serialise
	 * @return the file written
	 */
	public Path write(String benchmark, RunId run, Object results) {
		Path file = fileFor(benchmark, run);
		try {
			Files.createDirectories(this.folder);
			JSON.writeValue(file.toFile(), results);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
