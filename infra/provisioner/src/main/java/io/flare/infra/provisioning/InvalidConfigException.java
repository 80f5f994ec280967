package io.flare.infra.provisioning;

import java.util.List;

/**
 * The repository's schema or table-config files are malformed or inconsistent; nothing
 * was applied.
 */
public class InvalidConfigException extends ProvisioningException {

	private final List<String> problems;

	public InvalidConfigException(List<String> problems) {
		super("Invalid Pinot config files:" + System.lineSeparator() + "  "
				+ String.join(System.lineSeparator() + "  ", problems), false, null);
		this.problems = List.copyOf(problems);
	}

	/**
	 * Every problem found, each naming its file.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
