package blackbox.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every route web-bff serves, as (method, path template), recorded while the routes are registered ({@link Routes}), so
 * a request that matches no route can be told apart: a known path with another method (405 with the {@code Allow}
 * header) or an unknown path (404). Templates are Helidon's: {@code /market/subscriptions/{symbol}} (one segment),
 * {@code /*} (anything below). Written while the routing is built, read by request threads afterwards.
 */
final class RouteTable {
    /** The order methods are listed in an {@code Allow} header. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Map<String, Entry> byTemplate = new LinkedHashMap<>();
    private final List<String> reserved = new ArrayList<>();

    private record Entry(Pattern pattern, TreeSet<String> methods) {
    }

    /**
     * Paths under {@code prefix} (e.g. {@code /api/}) belong to their own routes only: a root wildcard such as the
     * app's {@code /*} does not claim them.
     */
    synchronized void reserve(String prefix) {
        reserved.add(prefix);
    }

    /** Records that {@code method} is served at {@code template} (a full path, prefix included). */
    synchronized void add(String method, String template) {
        byTemplate.computeIfAbsent(template, t -> new Entry(compile(t), new TreeSet<>(RouteTable::compareMethods)))
                .methods().add(method);
    }

    /**
     * @return the methods served at {@code path}, in {@code Allow} order, or empty when no route has that path. The
     *     most specific template wins: a path of an API route is not also the app's {@code /*}.
     */
    synchronized Optional<List<String>> methods(String path) {
        Entry best = null;
        int bestScore = -1;
        boolean underReserved = reserved.stream().anyMatch(path::startsWith);
        for (Map.Entry<String, Entry> e : byTemplate.entrySet()) {
            if (underReserved && e.getKey().startsWith("/*")) continue;
            if (!e.getValue().pattern().matcher(path).matches()) continue;
            int score = specificity(e.getKey());
            if (score > bestScore) {
                best = e.getValue();
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new ArrayList<>(best.methods()));
    }

    /** Literal characters count; a wildcard counts least. */
    private static int specificity(String template) {
        return template.replaceAll("\\{[^}]*}", "").replace("*", "").length() * 2 + (template.endsWith("*") ? 0 : 1);
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                int colon = template.indexOf(':', i);
                // {name} is one segment; {name:regex} its own expression, as Helidon's path patterns
                regex.append(colon > 0 && colon < end ? "(?:" + template.substring(colon + 1, end) + ")" : "[^/]+");
                i = end;
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static int compareMethods(String a, String b) {
        int ia = ORDER.indexOf(a);
        int ib = ORDER.indexOf(b);
        if (ia < 0 && ib < 0) return a.compareTo(b);
        if (ia < 0) return 1;
        if (ib < 0) return -1;
        return Integer.compare(ia, ib);
    }
}
