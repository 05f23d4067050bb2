package dev.parley.plugins.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Works out one binary operation, with numbers in digits or words: "what is twelve times seven" → 84. */
final class ArithmeticRule implements ResponderRule {
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern OPERATION = Pattern.compile(NUMBER
            + " ?(plus|\\+|minus|-|times|x|\\*|×|multiplied by|divided by|/|÷|over) ?" + NUMBER);

    @Override
    public Optional<Reply> reply(Conversation c) {
        Matcher m = OPERATION.matcher(NumberWords.toDigits(c.normalized()));
        if (!m.find()) {
            return Optional.empty();
        }
        BigDecimal a = new BigDecimal(m.group(1));
        BigDecimal b = new BigDecimal(m.group(3));
        String op = m.group(2);
        String spoken = switch (op) {
            case "plus", "+" -> "plus";
            case "minus", "-" -> "minus";
            case "times", "x", "*", "×", "multiplied by" -> "times";
            default -> "divided by";
        };
        String question = m.group(1) + " " + spoken + " " + m.group(3);
        if (spoken.equals("divided by") && b.signum() == 0) {
            return Optional.of(Reply.text(question + " has no answer: you can't divide by zero."));
        }
        BigDecimal result = switch (spoken) {
            case "plus" -> a.add(b);
            case "minus" -> a.subtract(b);
            case "times" -> a.multiply(b);
            default -> a.divide(b, MathContext.DECIMAL64);
        };
        return Optional.of(Reply.text(question + " is " + format(result) + "."));
    }

    private static String format(BigDecimal value) {
        BigDecimal rounded = value.round(new MathContext(10)).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
    }
}
