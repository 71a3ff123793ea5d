package blackbox.web.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

/**
 * Registers routes on Helidon's rules and records each in the {@link RouteTable}, so the table always lists what is
 * really served. Paths are relative to {@code prefix} as with Helidon's {@code register(prefix, service)}.
 */
final class Routes {
    private final HttpRules rules;
    private final String prefix;
    private final RouteTable table;

    Routes(HttpRules rules, String prefix, RouteTable table) {
        this.rules = rules;
        this.prefix = prefix;
        this.table = table;
    }

    Routes get(String path, Handler handler) {
        return route(Method.GET, path, handler);
    }

    Routes post(String path, Handler handler) {
        return route(Method.POST, path, handler);
    }

    Routes put(String path, Handler handler) {
        return route(Method.PUT, path, handler);
    }

    Routes delete(String path, Handler handler) {
        return route(Method.DELETE, path, handler);
    }

    /** GET, and HEAD answering the same status and headers without the body (RFC 9110 §9.3.2). */
    Routes getAndHead(String path, Handler handler) {
        route(Method.GET, path, handler);
        return route(Method.HEAD, path, handler);
    }

    private Routes route(Method method, String path, Handler handler) {
        rules.route(method, path, handler);
        table.add(method.text(), prefix + path);
        return this;
    }
}
