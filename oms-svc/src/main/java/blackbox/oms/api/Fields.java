package blackbox.oms.api;

import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.InstrumentRules;
import blackbox.oms.core.Prices;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

/** One-line field checks; each failure names the field and its value ({@link InvalidField}). */
final class Fields {
    private Fields() {
    }

    static InvalidField invalid(String field, String message) {
        return new InvalidField(field, message);
    }

    /** A typed id from text, with the id's own rule in the message. */
    static <T> T id(String field, String value, Predicate<String> valid, Function<String, T> make, int max) {
        if (!valid.test(value)) {
            throw invalid(field, field + " must be 1.." + max + " printable ASCII characters without spaces: " + field
                    + "=\"" + value + "\"");
        }
        return make.apply(value);
    }

    static ClientAccount account(String field, String value, AccountRegistry accounts) {
        if (!AccountId.valid(value)) {
            throw invalid(field, field + " must match [A-Za-z0-9._-]{1,32}: " + field + "=\"" + value + "\"");
        }
        ClientAccount account = accounts.find(new AccountId(value))
                .orElseThrow(() -> invalid(field, field + " is not a client account oms-svc knows: " + field + "=\"" + value + "\""));
        if (!account.enabled()) throw invalid(field, field + " is disabled: " + field + "=\"" + value + "\"");
        return account;
    }

    static InstrumentId instrument(String field, blackbox.gateway.v1.InstrumentId id, boolean required) {
        if (!required && id.getTicker().isEmpty() && id.getExchange().isEmpty()) return null;
        if (!InstrumentId.validTicker(id.getTicker())) {
            throw invalid(field + ".ticker", field + ".ticker must match [A-Z0-9_.-]{1,32}: " + field + ".ticker=\""
                    + id.getTicker() + "\"");
        }
        if (!InstrumentId.validExchange(id.getExchange())) {
            throw invalid(field + ".exchange", field + ".exchange must match [A-Z0-9_]{1,8}: " + field + ".exchange=\""
                    + id.getExchange() + "\"");
        }
        return new InstrumentId(id.getTicker(), id.getExchange());
    }

    static InstrumentRule rule(String field, InstrumentId instrument, InstrumentRules rules) {
        return rules.find(instrument).orElseThrow(() -> invalid(field, field
                + " has no lot and tick in the instrument master: " + field + "=" + instrument));
    }

    /** A price: decimal, at most 4 decimals, > 0, a multiple of the tick. */
    static long price(String field, String text, long tick) {
        long scaled;
        try {
            scaled = Prices.parse(field, text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
        if (scaled <= 0) throw invalid(field, field + " must be > 0: " + field + "=\"" + text + "\"");
        if (scaled % tick != 0) {
            throw invalid(field, field + " must be a multiple of the tick " + Prices.format(tick) + ": " + field + "=\""
                    + text + "\"");
        }
        return scaled;
    }

    static BigDecimal decimal(String field, String text) {
        try {
            return Decimals.parse(field, text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    static long quantity(String field, long qty, long lot) {
        if (qty <= 0) throw invalid(field, field + " must be > 0: " + field + "=" + qty);
        if (qty % lot != 0) throw invalid(field, field + " must be a multiple of the lot " + lot + ": " + field + "=" + qty);
        return qty;
    }

    static long positive(String field, long value) {
        if (value <= 0) throw invalid(field, field + " must be > 0: " + field + "=" + value);
        return value;
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date YYYY-MM-DD: " + field + "=\"" + text + "\"");
        }
    }

    static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw invalid(field, field + " must be at most " + max + " characters: " + field + " has " + value.length());
        }
        return value;
    }

    /** [from, to) with 0 = unbounded; both given means from < to. */
    static void window(long from, long to) {
        if (from < 0) throw invalid("from_nanos", "from_nanos must be >= 0: from_nanos=" + from);
        if (to < 0) throw invalid("to_nanos", "to_nanos must be >= 0: to_nanos=" + to);
        if (from != 0 && to != 0 && from >= to) {
            throw invalid("from_nanos", "from_nanos must be before to_nanos: from_nanos=" + from + ", to_nanos=" + to);
        }
    }

    static int limit(int limit, int defaultLimit, int max) {
        if (limit == 0) return defaultLimit;
        if (limit < 0 || limit > max) {
            throw invalid("limit", "limit must be 1.." + max + " (0 for " + defaultLimit + "): limit=" + limit);
        }
        return limit;
    }
}
