package io.flare.infra.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of the local stack: {@code up [--services] [--demo]}, {@code down},
 * {@code status}, {@code provision}, {@code keys}. Used by {@code infra/flare}.
 */
public final class StackMain {

	private static final String USAGE = """
			usage: StackMain <command> [options]
			  up [--services] [--demo]   start PostgreSQL, Kafka and Pinot (and the services / demo feed); provision
			  down                       stop everything that runs, in reverse order
			  status                     show each component, its PID, health and endpoint
			  provision                  create Kafka topics and Pinot schemas/tables from the repository (idempotent)
			  keys create|list|revoke    ingest's API keys, through its admin API (keys with no arguments: help)
			""";

	private StackMain() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		if (args.length == 0) {
			System.err.print(USAGE);
			System.exit(2);
		}
		try {
			LocalStack stack = new LocalStack(StackProperties.fromEnvironment(StackProperties.locateRoot()), out);
			run(stack, args[0], List.of(args).subList(1, args.length), out);
		}
		catch (StackException ex) {
			System.err.println("flare: " + ex.getMessage());
			System.exit(1);
		}
	}

	private static void run(LocalStack stack, String command, List<String> options, PrintStream out) {
		switch (command) {
			case "up" -> {
				List<String> names = new ArrayList<>(Components.INFRA);
				for (String option : options) {
					switch (option) {
						case "--services" -> names.addAll(Components.SERVICES);
						case "--demo" -> names.add(Components.DEMO);
						default -> throw new StackException("unknown option for up: " + option + "\n" + USAGE);
					}
				}
				stack.up(names);
			}
			case "down" -> stack.down();
			case "status" -> printStatus(stack, out);
			case "provision" -> stack.provision();
			case "keys" -> KeysCommand.forStack(stack.properties(), out).run(options);
			default -> throw new StackException("unknown command '" + command + "'\n" + USAGE);
		}
	}

	private static void printStatus(LocalStack stack, PrintStream out) {
		out.printf("%-18s %-8s %-10s %s%n", "COMPONENT", "PID", "STATE", "ENDPOINT");
		for (LocalStack.ComponentStatus status : stack.status()) {
			out.printf("%-18s %-8s %-10s %s%n", status.name(), (status.pid() != null) ? status.pid() : "-",
					status.state(), status.endpoint());
		}
		out.println("logs: " + stack.properties().logs());
	}

}
