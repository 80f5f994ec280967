package io.flare.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * The log files of the stack's processes: one per component, the previous run kept as
 * {@code .log.1}.
 */
final class LogFiles {

	private LogFiles() {
	}

	static void rotate(Path log) {
		try {
			Files.createDirectories(log.getParent());
			if (Files.exists(log)) {
				Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String tail(Path log, int lines) {
		if (!Files.exists(log)) {
			return "(no log at " + log + ")";
		}
		Deque<String> last = new ArrayDeque<>(lines);
		try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			all.forEach((line) -> {
				if (last.size() == lines) {
					last.removeFirst();
				}
				last.addLast(line);
			});
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + log + ": " + ex.getMessage() + ")";
		}
		return String.join(System.lineSeparator(), last);
	}

	static boolean contains(Path log, String marker) {
		if (!Files.exists(log)) {
			return false;
		}
		try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			return all.anyMatch((line) -> line.contains(marker));
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

}
