package io.flare.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CompilerThreadsTests {

	@TempDir
	Path tasks;

	@Test
	void shouldSumOnlyTheCompilerThreads() throws IOException {
		thread("101", "C2 CompilerThre", "7000000 5 9");
		thread("102", "C1 CompilerThre", "3000000 0 4");
		thread("103", "GC Thread#0", "900000000 0 1");
		thread("104", "reactor-http-ep", "800000000 0 1");
		assertThat(new CompilerThreads(this.tasks).cpuNanos()).isEqualTo(10_000_000);
	}

	@Test
	void shouldKeepTheTimeOfACompilerThreadThatStopped() throws IOException {
		CompilerThreads compiler = new CompilerThreads(this.tasks);
		thread("101", "C2 CompilerThre", "7000000 0 1");
		thread("105", "C2 CompilerThre", "2000000 0 1");
		assertThat(compiler.cpuNanos()).isEqualTo(9_000_000);
		delete("105");
		write("101", "schedstat", "8000000 0 2");
		assertThat(compiler.cpuNanos()).isEqualTo(10_000_000);
	}

	@Test
	void shouldSayUnknownWhenTheProcessIsGoneOrItsFilesAreMalformed() throws IOException {
		assertThat(new CompilerThreads(this.tasks.resolve("missing")).cpuNanos()).isEqualTo(-1);
		thread("101", "C2 CompilerThre", "not-a-number");
		assertThat(new CompilerThreads(this.tasks).cpuNanos()).isEqualTo(-1);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void shouldReadThisJvmsOwnCompilerThreads() {
		// a JVM that ran this far has compiled something
		assertThat(CompilerThreads.self().cpuNanos()).isPositive();
	}

	private void thread(String tid, String comm, String schedstat) throws IOException {
		write(tid, "comm", comm + "\n");
		write(tid, "schedstat", schedstat + "\n");
	}

	private void write(String tid, String file, String content) throws IOException {
		Files.createDirectories(this.tasks.resolve(tid));
		Files.writeString(this.tasks.resolve(tid).resolve(file), content);
	}

	private void delete(String tid) throws IOException {
		try (var files = Files.list(this.tasks.resolve(tid))) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.delete(file);
			}
		}
		Files.delete(this.tasks.resolve(tid));
	}

}
