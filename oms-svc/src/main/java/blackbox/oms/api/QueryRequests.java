package blackbox.oms.api;

import static blackbox.oms.api.Fields.invalid;
import static blackbox.oms.api.OrderRequests.validated;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.StrategyId;
import blackbox.oms.store.AuditQuery;
import blackbox.oms.store.EventQuery;
import blackbox.oms.store.OrderQuery;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of CancelAll, ListOrders, StreamOrderEvents and GetAuditTrail. Page tokens are opaque to clients:
 * {@code o:<id>} for orders, {@code c:<command id>,e:<sequence>} for the audit trail. Thread-safe.
 */
public final class QueryRequests {
    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;
    private static final Pattern ORDER_TOKEN = Pattern.compile("o:(\\d{1,18})");
    private static final Pattern AUDIT_TOKEN = Pattern.compile("c:(\\d{1,18}),e:(\\d{1,18})");

    private QueryRequests() {
    }

    /** The most CancelAll waits for the venue's confirmations. */
    public static final long MAX_CONFIRM_MILLIS = 60_000;

    public static Validated<CancelScope> cancelAll(CancelAllRequest r) {
        return validated(() -> {
            if (r.getConfirmTimeoutMillis() < 0 || r.getConfirmTimeoutMillis() > MAX_CONFIRM_MILLIS) {
                throw invalid("confirm_timeout_millis", "confirm_timeout_millis must be 0.." + MAX_CONFIRM_MILLIS
                        + ": confirm_timeout_millis=" + r.getConfirmTimeoutMillis());
            }
            return new Validated.Valid<>(scope("CancelAll", r.getAccount(), r.getBlockId(), r.getStrategyId(), r.getInstrument(),
                    r.hasInstrument(), r.getDesk(), r.getAll()));
        });
    }

    public static Validated<CancelScope> workingOrders(blackbox.oms.v1.WorkingOrdersRequest r) {
        return validated(() -> new Validated.Valid<>(scope("WorkingOrders", r.getAccount(), r.getBlockId(), r.getStrategyId(),
                r.getInstrument(), r.hasInstrument(), r.getDesk(), r.getAll())));
    }

    private static CancelScope scope(String rpc, String account, String block, String strategy,
                                     blackbox.gateway.v1.InstrumentId instrument, boolean hasInstrument, String desk, boolean all) {
        CancelScope scope = new CancelScope(account("account", account), block(block), strategy(strategy),
                Optional.ofNullable(Fields.instrument("instrument", instrument, false)), desk(desk), all);
        boolean any = scope.account().isPresent() || scope.block().isPresent() || scope.strategy().isPresent()
                || scope.instrument().isPresent() || scope.desk().isPresent();
        if (all && any) {
            throw invalid("all", "all takes no other field: all=true with account=\"" + account + "\", block_id=\"" + block
                    + "\", strategy_id=\"" + strategy + "\", desk=\"" + desk + "\"" + (hasInstrument ? ", instrument set" : ""));
        }
        if (!all && !any) {
            throw invalid("account", rpc + " needs a scope: at least one of account, block_id, strategy_id, instrument,"
                    + " desk, or all=true");
        }
        return scope;
    }

    public static Validated<OrderQuery> listOrders(ListOrdersRequest r) {
        return validated(() -> {
            List<AccountId> accounts = new ArrayList<>();
            for (int i = 0; i < r.getAccountsCount(); i++) {
                accounts.add(account("accounts[" + i + "]", r.getAccounts(i)).orElseThrow(
                        () -> invalid("accounts", "accounts must not contain an empty account")));
            }
            EnumSet<OrdStatus> statuses = EnumSet.noneOf(OrdStatus.class);
            for (int i = 0; i < r.getStatusesCount(); i++) {
                OrdStatus s = Enums.ordStatus(r.getStatuses(i));
                if (s == null) throw invalid("statuses[" + i + "]", "statuses[" + i + "] must be a status: statuses[" + i + "]=" + r.getStatuses(i));
                statuses.add(s);
            }
            Optional<Algorithm.Kind> algorithm = r.getAlgorithm() == blackbox.oms.v1.AlgorithmKind.ALGORITHM_KIND_UNSPECIFIED
                    ? Optional.empty() : Optional.ofNullable(Enums.algorithmKind(r.getAlgorithm()));
            if (r.getAlgorithm() == blackbox.oms.v1.AlgorithmKind.UNRECOGNIZED) {
                throw invalid("algorithm", "algorithm is not a known kind: algorithm=" + r.getAlgorithmValue());
            }
            Fields.window(r.getFromNanos(), r.getToNanos());
            long before = 0;
            if (!r.getPageToken().isEmpty()) {
                Matcher m = ORDER_TOKEN.matcher(r.getPageToken());
                if (!m.matches()) throw invalid("page_token", "page_token must come from a previous response: page_token=\"" + r.getPageToken() + "\"");
                before = Long.parseLong(m.group(1));
            }
            InstrumentId instrument = Fields.instrument("instrument", r.getInstrument(), false);
            return new Validated.Valid<>(new OrderQuery(accounts, statuses, Optional.ofNullable(instrument), algorithm,
                    block(r.getBlockId()), strategy(r.getStrategyId()), desk(r.getDesk()), r.getFromNanos(), r.getToNanos(),
                    Fields.limit(r.getLimit(), DEFAULT_LIMIT, MAX_LIMIT), before));
        });
    }

    /** The next page's token for ListOrders, empty on the last page. */
    public static String orderPageToken(long nextBeforeId) {
        return nextBeforeId == 0 ? "" : "o:" + nextBeforeId;
    }

    /** StreamOrderEvents' stored part (the server pages with {@code limit} and then follows live events). */
    public static Validated<EventQuery> streamEvents(StreamOrderEventsRequest r, int pageSize) {
        return validated(() -> {
            if (r.getAfterSequence() < 0) {
                throw invalid("after_sequence", "after_sequence must be >= 0: after_sequence=" + r.getAfterSequence());
            }
            List<AccountId> accounts = new ArrayList<>();
            for (int i = 0; i < r.getAccountsCount(); i++) {
                accounts.add(account("accounts[" + i + "]", r.getAccounts(i)).orElseThrow(
                        () -> invalid("accounts", "accounts must not contain an empty account")));
            }
            EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
            for (int i = 0; i < r.getTypesCount(); i++) {
                EventType t = Enums.eventType(r.getTypes(i));
                if (t == null) throw invalid("types[" + i + "]", "types[" + i + "] must be an event type: types[" + i + "]=" + r.getTypes(i));
                types.add(t);
            }
            return new Validated.Valid<>(new EventQuery(r.getAfterSequence(), accounts, types, block(r.getBlockId()), pageSize));
        });
    }

    public static Validated<AuditQuery> auditTrail(GetAuditTrailRequest r) {
        return validated(() -> {
            Optional<ClOrdId> clOrdId = r.getClOrdId().isEmpty() ? Optional.empty() : Optional.of(OrderRequests.clOrdId(r.getClOrdId()));
            Optional<BlockId> block = block(r.getBlockId());
            Optional<AccountId> account = account("account", r.getAccount());
            Fields.window(r.getFromNanos(), r.getToNanos());
            if (clOrdId.isEmpty() && block.isEmpty() && account.isEmpty() && r.getFromNanos() == 0 && r.getToNanos() == 0) {
                throw invalid("cl_ord_id", "GetAuditTrail needs a filter: cl_ord_id, block_id, account or a time window");
            }
            long afterCommand = 0;
            long afterSequence = 0;
            if (!r.getPageToken().isEmpty()) {
                Matcher m = AUDIT_TOKEN.matcher(r.getPageToken());
                if (!m.matches()) throw invalid("page_token", "page_token must come from a previous response: page_token=\"" + r.getPageToken() + "\"");
                afterCommand = Long.parseLong(m.group(1));
                afterSequence = Long.parseLong(m.group(2));
            }
            return new Validated.Valid<>(new AuditQuery(clOrdId, block, account, r.getFromNanos(), r.getToNanos(),
                    Fields.limit(r.getLimit(), DEFAULT_LIMIT, MAX_LIMIT), afterCommand, afterSequence));
        });
    }

    /** The next page's token for GetAuditTrail, empty when both lists are complete. */
    public static String auditPageToken(boolean complete, long lastCommandId, long lastSequence) {
        return complete ? "" : "c:" + lastCommandId + ",e:" + lastSequence;
    }

    private static Optional<AccountId> account(String field, String value) {
        if (value.isEmpty()) return Optional.empty();
        if (!AccountId.valid(value)) throw invalid(field, field + " must match [A-Za-z0-9._-]{1,32}: " + field + "=\"" + value + "\"");
        return Optional.of(new AccountId(value));
    }

    private static Optional<BlockId> block(String value) {
        return value.isEmpty() ? Optional.empty()
                : Optional.of(Fields.id("block_id", value, BlockId::valid, BlockId::new, BlockId.MAX_LENGTH));
    }

    private static Optional<StrategyId> strategy(String value) {
        return value.isEmpty() ? Optional.empty()
                : Optional.of(Fields.id("strategy_id", value, StrategyId::valid, StrategyId::new, StrategyId.MAX_LENGTH));
    }

    private static Optional<DeskId> desk(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(Fields.id("desk", value, DeskId::valid, DeskId::new, DeskId.MAX_LENGTH));
    }
}
