package blackbox.positions.grpc;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.positions.core.ExecType;
import blackbox.positions.core.Fill;
import blackbox.positions.core.Scaled;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Validation of request fields at the edge: each failure is INVALID_ARGUMENT naming the field and its value. */
final class Requests {
    /** Most fills in one ApplyFills call. */
    static final int MAX_FILLS = 10_000;
    /** Largest import file. */
    static final int MAX_IMPORT_BYTES = 64 * 1024 * 1024;

    private Requests() {
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    /** A required account. */
    static AccountId account(String field, String value) {
        if (!AccountId.valid(value)) {
            throw invalid(field + " must match [A-Za-z0-9._-]{1,32}: " + field + "=\"" + value + "\"");
        }
        return new AccountId(value);
    }

    /** An optional account: null when empty. */
    static AccountId optionalAccount(String field, String value) {
        return value.isEmpty() ? null : account(field, value);
    }

    static InstrumentId instrument(String field, blackbox.gateway.v1.InstrumentId id) {
        if (!InstrumentId.validTicker(id.getTicker())) {
            throw invalid(field + ".ticker must match [A-Z0-9_.-]{1,32}: " + field + ".ticker=\"" + id.getTicker() + "\"");
        }
        if (!InstrumentId.validExchange(id.getExchange())) {
            throw invalid(field + ".exchange must match [A-Z0-9_]{1,8}: " + field + ".exchange=\"" + id.getExchange() + "\"");
        }
        return new InstrumentId(id.getTicker(), id.getExchange());
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be a date YYYY-MM-DD: " + field + "=\"" + value + "\"");
        }
    }

    static BigDecimal tolerance(String value) {
        if (value.isEmpty()) return new BigDecimal("0.0001");
        try {
            BigDecimal t = Decimals.parse("price_tolerance", value);
            if (t.signum() < 0) throw new IllegalArgumentException();
            return t;
        } catch (IllegalArgumentException e) {
            throw invalid("price_tolerance must be a decimal >= 0: price_tolerance=\"" + value + "\"");
        }
    }

    static String group(String value) {
        if (!value.isEmpty() && !value.matches("[A-Za-z0-9._\\-]{1,32}")) {
            throw invalid("group must match [A-Za-z0-9._-]{1,32}: group=\"" + value + "\"");
        }
        return value;
    }

    /** One fill of ApplyFills; {@code field} is e.g. {@code fills[3]}. */
    static Fill fill(String field, blackbox.positions.v1.Fill f) {
        String execId = f.getExecId();
        if (execId.isEmpty() || execId.length() > 64) {
            throw invalid(field + ".exec_id must be 1..64 characters: " + field + ".exec_id=\"" + execId + "\"");
        }
        ExecType type = switch (f.getExecType()) {
            case EXEC_TYPE_UNSPECIFIED, EXEC_TYPE_TRADE -> ExecType.TRADE;
            case EXEC_TYPE_TRADE_CANCEL -> ExecType.TRADE_CANCEL;
            case EXEC_TYPE_TRADE_CORRECT -> ExecType.TRADE_CORRECT;
            case UNRECOGNIZED -> throw invalid(field + ".exec_type is unknown: " + field + ".exec_type=" + f.getExecTypeValue());
        };
        if (type == ExecType.TRADE && !f.getExecRefId().isEmpty()) {
            throw invalid(field + ".exec_ref_id must be empty for a trade: " + field + ".exec_ref_id=\"" + f.getExecRefId() + "\"");
        }
        if (type != ExecType.TRADE && f.getExecRefId().isEmpty()) {
            throw invalid(field + ".exec_ref_id must name the trade of a " + type + ": " + field + ".exec_ref_id=\"\"");
        }
        AccountId account = account(field + ".account", f.getAccount());
        InstrumentId instrument = instrument(field + ".instrument", f.getInstrument());
        Side side = switch (f.getSide()) {
            case SIDE_BUY -> Side.BUY;
            case SIDE_SELL -> Side.SELL;
            default -> throw invalid(field + ".side must be SIDE_BUY or SIDE_SELL: " + field + ".side=" + f.getSide());
        };
        long price = 0;
        if (type != ExecType.TRADE_CANCEL || !f.getPrice().isEmpty()) {
            try {
                price = Decimals.parseScaled(field + ".price", f.getPrice(), Scaled.PRICE_SCALE);
            } catch (IllegalArgumentException e) {
                throw invalid(field + ".price must be a decimal with at most 4 decimals: " + field + ".price=\"" + f.getPrice() + "\"");
            }
        }
        if (type != ExecType.TRADE_CANCEL) {
            if (f.getQuantity() <= 0) throw invalid(field + ".quantity must be > 0: " + field + ".quantity=" + f.getQuantity());
            if (price <= 0) throw invalid(field + ".price must be > 0: " + field + ".price=\"" + f.getPrice() + "\"");
        } else if (f.getQuantity() < 0) {
            throw invalid(field + ".quantity must be >= 0: " + field + ".quantity=" + f.getQuantity());
        }
        if (f.getOrderId().length() > 64) {
            throw invalid(field + ".order_id must be at most 64 characters: " + field + ".order_id=\"" + f.getOrderId() + "\"");
        }
        LocalDate tradeDate = date(field + ".trade_date", f.getTradeDate());
        return new Fill(execId, type, f.getExecRefId(), account, instrument, side, f.getQuantity(), price, f.getTsEvent(),
                tradeDate, f.getOrderId());
    }
}
