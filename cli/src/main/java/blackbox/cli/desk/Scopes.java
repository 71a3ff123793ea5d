package blackbox.cli.desk;

import blackbox.cli.CliException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A risk scope on the command line: {@code desk}, {@code account:ID}, {@code strategy:ID}, {@code instrument:SYMBOL},
 * {@code account_instrument:ID/SYMBOL} (the type before the first colon).
 */
final class Scopes {
    private Scopes() {
    }

    static Map<String, Object> parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String type = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT).replace('-', '_');
        String key = colon < 0 ? "" : t.substring(colon + 1);
        if (!type.matches("desk|account|strategy|instrument|account_instrument")) {
            throw CliException.usage("SCOPE must be desk, account:ID, strategy:ID, instrument:SYMBOL or account_instrument:ID/SYMBOL: " + text);
        }
        if (!type.equals("desk") && key.isBlank()) throw CliException.usage("SCOPE " + type + " needs a key, e.g. " + type + ":...: " + text);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("type", type);
        scope.put("key", key);
        return scope;
    }
}
