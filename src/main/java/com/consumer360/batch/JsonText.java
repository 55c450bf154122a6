package com.consumer360.batch;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes small JSON documents (maps, lists, strings, numbers, booleans, null) with RFC 8259 escaping.
 * Hand-written rather than Jackson databind: initialising databind costs about a second of the batch
 * run's three-second budget on these machines, for six small files.
 */
final class JsonText {

    private final StringBuilder out = new StringBuilder(1 << 12);

    private JsonText() {
    }

    static String of(Object value) {
        JsonText json = new JsonText();
        json.value(value, 0);
        return json.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Double d when !Double.isFinite(d) -> out.append("null");
            case Float f when !Float.isFinite(f) -> out.append("null");
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> object(map, depth);
            case List<?> list -> array(list, depth);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(depth + 1);
            string(String.valueOf(entry.getKey()));
            out.append(": ");
            value(entry.getValue(), depth + 1);
            out.append(entries.hasNext() ? "," : "");
        }
        if (!map.isEmpty()) {
            newline(depth);
        }
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(depth + 1);
            value(list.get(i), depth + 1);
            out.append(i + 1 < list.size() ? "," : "");
        }
        if (!list.isEmpty()) {
            newline(depth);
        }
        out.append(']');
    }

    private void newline(int depth) {
        out.append('\n').repeat("  ", depth);
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
