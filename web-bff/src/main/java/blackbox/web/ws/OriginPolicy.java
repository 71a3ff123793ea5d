package blackbox.web.ws;

import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open the WebSocket: the configured ones, and the page's own origin (Origin equal to the
 * Host the request was sent to). A request without Origin is not a browser's and passes (it still needs a token).
 */
public record OriginPolicy(List<String> allowed) {
    public boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank()) return true;
        String o = origin.toLowerCase(Locale.ROOT);
        if (allowed.stream().anyMatch(a -> a.equalsIgnoreCase(o))) return true;
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }
}
