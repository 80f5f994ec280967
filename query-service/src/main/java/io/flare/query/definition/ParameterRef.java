package io.flare.query.definition;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a parameter reference: a whole value of the form {@code ${name}}.
 */
public final class ParameterRef {

	/** What a parameter name looks like. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{(" + NAME.pattern() + ")}");

	private ParameterRef() {
	}

	/** The parameter name when {@code operand} is a reference, else empty. */
	public static Optional<String> name(String operand) {
		Matcher matcher = REFERENCE.matcher(operand);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** Whether {@code operand} mentions {@code ${} without being a whole reference. */
	public static boolean isMalformed(String operand) {
		return operand.contains("${") && name(operand).isEmpty();
	}

}
