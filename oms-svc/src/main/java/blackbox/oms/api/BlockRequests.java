package blackbox.oms.api;

import static blackbox.oms.api.Fields.invalid;
import static blackbox.oms.api.OrderRequests.validated;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.InstrumentRules;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.Participant;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.oms.core.block.BlockCommand;
import blackbox.oms.core.block.Routing;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validation of PreviewBlock and SubmitBlock: the request into a {@link BlockCommand} with its accounts known and
 * enabled and its weights resolved (given in the request, or for EQUITY/CASH read from {@link Balances}). The
 * allocation's own rules (percentages summing to 100, whole lots, totals) are the allocator's, whose refusals
 * also name the field ({@link blackbox.oms.core.block.BlockPlanner}). Thread-safe.
 */
public final class BlockRequests {
    private BlockRequests() {
    }

    public static Validated<BlockCommand> validate(BlockRequest r, Caller caller, AccountRegistry accounts,
                                                   InstrumentRules instruments, Balances balances, ZoneId zone) {
        return validated(() -> {
            BlockId id = Fields.id("block_id", r.getBlockId(), BlockId::valid, BlockId::new, BlockId.MAX_LENGTH);
            InstrumentId instrument = Fields.instrument("instrument", r.getInstrument(), true);
            InstrumentRule rule = Fields.rule("instrument", instrument, instruments);
            OrderTerms terms = OrderTerms.parse(r.getSide(), r.getOrdType(), r.getPrice(), r.getStopPrice(),
                    r.getTimeInForce(), r.getExpireDate(), r.getStrategyId(), r.getAlgorithm(), r.hasAlgorithm(),
                    r.getTotalQty(), rule, TradeDates.of(caller.nowNanos(), zone));
            AllocationMethod method = Enums.method(r.getMethod());
            if (method == null) {
                throw invalid("method", "method must be one of ALLOCATION_METHOD_FIXED, _PERCENT, _EQUITY, _CASH: method="
                        + r.getMethod());
            }
            if (r.getTotalQty() < 0) throw invalid("total_qty", "total_qty must be >= 0: total_qty=" + r.getTotalQty());
            TieBreak tieBreak = Enums.tieBreak(r.getTieBreak());
            if (tieBreak == null) throw invalid("tie_break", "tie_break is not a known value: tie_break=" + r.getTieBreakValue());
            ResidualRule residual = Enums.residual(r.getResidual());
            if (residual == null) throw invalid("residual", "residual is not a known value: residual=" + r.getResidualValue());
            if (residual == ResidualRule.FRACTIONAL && rule.fractional().isEmpty()) {
                throw invalid("residual", "instrument " + instrument + " has no fractional market: residual=RESIDUAL_RULE_FRACTIONAL");
            }
            Routing routing = Enums.routing(r.getRouting());
            if (routing == null) throw invalid("routing", "routing is not a known value: routing=" + r.getRoutingValue());
            Optional<AccountId> master = Optional.empty();
            if (routing == Routing.AVERAGE_PRICE) {
                master = Optional.of(Fields.account("master_account", r.getMasterAccount(), accounts).id());
            } else if (!r.getMasterAccount().isEmpty()) {
                throw invalid("master_account", "master_account is for ROUTING_AVERAGE_PRICE only: master_account=\""
                        + r.getMasterAccount() + "\"");
            }
            List<Participant> participants = participants(r, method, accounts, balances);
            Fields.text("text", r.getText(), OrderRequests.MAX_TEXT);
            terms.checkAlgorithm("block_id", r.getBlockId());
            if (terms.algorithm().kind() != blackbox.oms.core.Algorithm.Kind.FULL && routing != Routing.PER_ACCOUNT) {
                throw invalid("routing", "an algorithm block works one child per account per slice: routing=" + r.getRouting());
            }
            Optional<String> missing = terms.unimplemented();
            if (missing.isPresent()) return new Validated.Unimplemented<>(missing.get());
            return new Validated.Valid<>(new BlockCommand(id, instrument, terms.side(), terms.ordType(), terms.price(),
                    terms.stopPrice(), terms.timeInForce(), terms.expireDate(), terms.strategy(), terms.algorithm(), method,
                    r.getTotalQty(), participants, tieBreak, residual, routing, master, r.getText()));
        });
    }

    private static List<Participant> participants(BlockRequest r, AllocationMethod method, AccountRegistry accounts,
                                                  Balances balances) {
        boolean group = !r.getClientGroup().isEmpty();
        if (group == r.getAccountsCount() > 0) {
            throw invalid("accounts", "give either accounts or client_group: accounts=" + r.getAccountsCount()
                    + ", client_group=\"" + r.getClientGroup() + "\"");
        }
        List<Participant> out = new ArrayList<>();
        if (group) {
            if (method != AllocationMethod.EQUITY && method != AllocationMethod.CASH) {
                throw invalid("client_group", "a client_group is allocated by EQUITY or CASH only: method=" + r.getMethod());
            }
            ClientGroupId id = Fields.id("client_group", r.getClientGroup(), ClientGroupId::valid, ClientGroupId::new,
                    ClientGroupId.MAX_LENGTH);
            List<ClientAccount> members = accounts.group(id);
            if (members.isEmpty()) {
                throw invalid("client_group", "client_group has no accounts: client_group=\"" + r.getClientGroup() + "\"");
            }
            for (ClientAccount a : members) {
                if (!a.enabled()) continue; // a disabled member takes no part
                out.add(new Participant(a.id(), balance(method, a.id(), "client_group", balances)));
            }
            if (out.isEmpty()) throw invalid("client_group", "client_group's accounts are all disabled: client_group=\"" + r.getClientGroup() + "\"");
            return out;
        }
        for (int i = 0; i < r.getAccountsCount(); i++) {
            BlockAccount a = r.getAccounts(i);
            String field = "accounts[" + i + "]";
            AccountId account = Fields.account(field + ".account", a.getAccount(), accounts).id();
            BigDecimal weight = switch (method) {
                case FIXED -> {
                    if (a.getQuantity() <= 0) {
                        throw invalid(field + ".quantity", field + ".quantity must be > 0 with FIXED: " + field + ".quantity=" + a.getQuantity());
                    }
                    yield BigDecimal.valueOf(a.getQuantity());
                }
                case PERCENT -> {
                    BigDecimal p = Fields.decimal(field + ".percent", a.getPercent());
                    if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw invalid(field + ".percent", field + ".percent must be 0..100: " + field + ".percent=\"" + a.getPercent() + "\"");
                    }
                    yield p;
                }
                case EQUITY, CASH -> {
                    if (a.getWeight().isEmpty()) yield balance(method, account, field + ".weight", balances);
                    BigDecimal w = Fields.decimal(field + ".weight", a.getWeight());
                    if (w.signum() < 0) throw invalid(field + ".weight", field + ".weight must be >= 0: " + field + ".weight=\"" + a.getWeight() + "\"");
                    yield w;
                }
            };
            out.add(new Participant(account, weight));
        }
        return out;
    }

    /** The account's equity or cash from positions-svc; a negative balance weighs 0 (it gets nothing). */
    private static BigDecimal balance(AllocationMethod method, AccountId account, String field, Balances balances) {
        Optional<BigDecimal> value = method == AllocationMethod.EQUITY ? balances.equity(account) : balances.cash(account);
        BigDecimal v = value.orElseThrow(() -> invalid(field, "no " + method.name().toLowerCase() + " known for account "
                + account + ": give " + field + (field.endsWith(".weight") ? "" : " weights per account")));
        return v.signum() < 0 ? BigDecimal.ZERO : v;
    }
}
