package sc.fiji.autoencoders.io;

import com.google.gson.JsonElement;

/**
 * How deeply a JSON text nests, found before and after parsing without recursion, so that a hostile or damaged file
 * is refused by depth instead of exhausting the stack.
 */
final class JsonNesting {

	private JsonNesting() {}

	/** Deepest nesting of [ and { outside strings, found without parsing. */
	static int nesting(final String json) {
		int depth = 0, max = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			final char c = json.charAt(i);
			if (inString) {
				if (c == '\\') i++;
				else if (c == '"') inString = false;
			}
			else if (c == '"') inString = true;
			else if (c == '[' || c == '{') max = Math.max(max, ++depth);
			else if (c == ']' || c == '}') depth--;
		}
		return max;
	}

	/** Deepest nesting of a parsed tree, found without recursion. */
	static int nesting(final JsonElement root) {
		final java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
		stack.push(new Object[] { root, 1 });
		int max = 0;
		while (!stack.isEmpty()) {
			final Object[] top = stack.pop();
			final JsonElement e = (JsonElement) top[0];
			final int d = (Integer) top[1];
			if (e.isJsonArray()) {
				max = Math.max(max, d);
				if (d <= ModelJson.MAX_NESTING) for (final JsonElement c : e.getAsJsonArray())
					stack.push(new Object[] { c, d + 1 });
			}
			else if (e.isJsonObject()) {
				max = Math.max(max, d);
				if (d <= ModelJson.MAX_NESTING) for (final JsonElement c : e.getAsJsonObject().asMap().values())
					stack.push(new Object[] { c, d + 1 });
			}
		}
		return max;
	}
}
