package blackbox.gateway.grpc;

import blackbox.gateway.session.RoutingPasswords;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.DllOrderStatus;
import blackbox.gateway.trading.ExecReport;
import blackbox.gateway.trading.PositionInfo;
import blackbox.gateway.trading.Prices;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.v1.Account;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.AccountType;
import blackbox.gateway.v1.DllOrderRef;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.Order;
import blackbox.gateway.v1.Position;
import blackbox.gateway.v1.PositionType;
import blackbox.gateway.v1.Side;

/** Between the trading core's values and the {@code blackbox.gateway.v1} trading messages. Stateless. */
final class TradingMapping {
    private TradingMapping() {
    }

    static AccountId account(AccountKey k) {
        return AccountId.newBuilder().setBrokerId(k.brokerId()).setAccountId(k.accountId()).setSubAccountId(k.subAccountId()).build();
    }

    static Side side(int dll) {
        return switch (dll) {
            case 1 -> Side.SIDE_BUY;
            case 2 -> Side.SIDE_SELL;
            default -> Side.SIDE_UNSPECIFIED;
        };
    }

    static OrdType ordType(int dll) {
        return switch (dll) {
            case 1 -> OrdType.ORD_TYPE_MARKET;
            case 2 -> OrdType.ORD_TYPE_LIMIT;
            case 4 -> OrdType.ORD_TYPE_STOP_LIMIT;
            default -> OrdType.ORD_TYPE_UNSPECIFIED;
        };
    }

    static OrdStatus ordStatus(blackbox.gateway.trading.OrdStatus s) {
        return switch (s) {
            case PENDING_NEW -> OrdStatus.ORD_STATUS_PENDING_NEW;
            case NEW -> OrdStatus.ORD_STATUS_NEW;
            case PARTIALLY_FILLED -> OrdStatus.ORD_STATUS_PARTIALLY_FILLED;
            case FILLED -> OrdStatus.ORD_STATUS_FILLED;
            case PENDING_CANCEL -> OrdStatus.ORD_STATUS_PENDING_CANCEL;
            case PENDING_REPLACE -> OrdStatus.ORD_STATUS_PENDING_REPLACE;
            case CANCELED -> OrdStatus.ORD_STATUS_CANCELED;
            case REPLACED -> OrdStatus.ORD_STATUS_REPLACED;
            case EXPIRED -> OrdStatus.ORD_STATUS_EXPIRED;
            case REJECTED -> OrdStatus.ORD_STATUS_REJECTED;
            case UNKNOWN -> OrdStatus.ORD_STATUS_UNKNOWN;
        };
    }

    static ExecType execType(blackbox.gateway.trading.ExecType t) {
        return switch (t) {
            case PENDING_NEW -> ExecType.EXEC_TYPE_PENDING_NEW;
            case NEW -> ExecType.EXEC_TYPE_NEW;
            case TRADE -> ExecType.EXEC_TYPE_TRADE;
            case PENDING_CANCEL -> ExecType.EXEC_TYPE_PENDING_CANCEL;
            case CANCELED -> ExecType.EXEC_TYPE_CANCELED;
            case PENDING_REPLACE -> ExecType.EXEC_TYPE_PENDING_REPLACE;
            case REPLACED -> ExecType.EXEC_TYPE_REPLACED;
            case EXPIRED -> ExecType.EXEC_TYPE_EXPIRED;
            case REJECTED -> ExecType.EXEC_TYPE_REJECTED;
            case CANCEL_REJECTED -> ExecType.EXEC_TYPE_CANCEL_REJECTED;
            case REPLACE_REJECTED -> ExecType.EXEC_TYPE_REPLACE_REJECTED;
            case ORDER_STATUS -> ExecType.EXEC_TYPE_ORDER_STATUS;
            case UNKNOWN -> ExecType.EXEC_TYPE_UNKNOWN;
        };
    }

    /** A report with its sequence number. */
    static ExecutionReport report(ExecReport r, long sequence, ProtoMapping instruments) {
        ExecutionReport.Builder b = ExecutionReport.newBuilder()
                .setSequence(sequence)
                .setExecId(r.execId())
                .setExecType(execType(r.execType()))
                .setOrdStatus(ordStatus(r.ordStatus()))
                .setDll(DllOrderRef.newBuilder().setLocalOrderId(r.localOrderId()).setClOrderId(r.clOrderId()))
                .setMessageId(r.messageId())
                .setAccount(account(r.account()))
                .setInstrument(instruments.instrument(r.instrument()))
                .setSide(side(r.side()))
                .setOrdType(ordType(r.ordType()))
                .setOrderQty(r.orderQty())
                .setPrice(Prices.text(r.price()))
                .setStopPrice(Prices.text(r.stopPrice()))
                .setCumQty(r.cumQty())
                .setLeavesQty(r.leavesQty())
                .setAvgPx(Prices.text(r.avgPx()))
                .setLastQty(r.lastQty())
                .setLastPx(Prices.text(r.lastPx()))
                .setText(r.text())
                .setDllOrderStatus(Math.max(r.dllOrderStatus(), 0))
                .setDllResultCode(r.dllResultCode())
                .setTsEvent(r.tsEvent())
                .setTsInit(r.tsInit());
        if (r.idempotencyKey() != null) b.setIdempotencyKey(r.idempotencyKey());
        return b.build();
    }

    /** An order as the engine knows it now (a SendOrder answer). */
    static Order order(ExecReport r) {
        Order.Builder b = Order.newBuilder()
                .setDll(DllOrderRef.newBuilder().setLocalOrderId(r.localOrderId()).setClOrderId(r.clOrderId()))
                .setAccount(account(r.account()))
                .setInstrument(ProtoMapping.toProto(r.instrument()))
                .setSide(side(r.side()))
                .setOrdType(ordType(r.ordType()))
                .setOrdStatus(ordStatus(r.ordStatus()))
                .setDllOrderStatus(Math.max(r.dllOrderStatus(), 0))
                .setOrderQty(r.orderQty())
                .setCumQty(r.cumQty())
                .setLeavesQty(r.leavesQty())
                .setPrice(Prices.text(r.price()))
                .setStopPrice(Prices.text(r.stopPrice()))
                .setAvgPx(Prices.text(r.avgPx()))
                .setText(r.text())
                .setUpdatedNanos(r.tsEvent());
        if (r.idempotencyKey() != null) b.setIdempotencyKey(r.idempotencyKey());
        return b.build();
    }

    /** An order of the DLL's history (ListOrders), with the key it was sent with through this gateway, if any. */
    static Order order(OrderSnapshot s, String key) {
        DllOrderStatus st = DllOrderStatus.of(s.status());
        String text = DllOrderStatus.known(s.status()) ? s.text() : st.label() + (s.text().isEmpty() ? "" : ": " + s.text());
        return Order.newBuilder()
                .setIdempotencyKey(key)
                .setDll(DllOrderRef.newBuilder().setLocalOrderId(s.localOrderId()).setClOrderId(s.clOrderId()))
                .setAccount(account(s.account()))
                .setInstrument(ProtoMapping.toProto(s.instrument()))
                .setSide(side(s.side()))
                .setOrdType(ordType(s.orderType()))
                .setOrdStatus(ordStatus(st.ordStatus(s.orderQty(), s.cumQty())))
                .setDllOrderStatus(s.status())
                .setOrderQty(s.orderQty())
                .setCumQty(s.cumQty())
                .setLeavesQty(s.leavesQty())
                .setPrice(Prices.text(Prices.fromDll(s.price())))
                .setStopPrice(Prices.text(Prices.fromDll(s.stopPrice())))
                .setAvgPx(Prices.text(Prices.averageFromDll(s.avgPrice())))
                .setText(text)
                .setCreatedNanos(s.createdNanos())
                .setUpdatedNanos(s.updatedNanos())
                .setClosedNanos(s.closedNanos())
                .build();
    }

    static Account account(AccountInfo a, RoutingPasswords passwords) {
        Account.Builder b = Account.newBuilder()
                .setId(account(a.key()))
                .setBrokerName(a.brokerName())
                .setOwnerName(a.ownerName())
                .setSubOwnerName(a.subOwnerName())
                .setType(AccountType.forNumber(a.accountType()) == null ? AccountType.ACCOUNT_TYPE_OWNER : AccountType.forNumber(a.accountType()))
                .setEnabled(a.enabled())
                .setSubAccount(a.subAccount())
                .setRoutable(passwords.routable(a.key()));
        for (AccountInfo sub : a.subAccounts()) b.addSubAccounts(account(sub, passwords));
        return b.build();
    }

    static Position position(PositionInfo p) {
        return Position.newBuilder()
                .setAccount(account(p.account()))
                .setInstrument(ProtoMapping.toProto(p.instrument()))
                .setPositionType(p.positionType() == 1 ? PositionType.POSITION_TYPE_DAY_TRADE : PositionType.POSITION_TYPE_CONSOLIDATED)
                .setOpenQuantity(p.openQuantity())
                .setOpenAveragePrice(Prices.text(Prices.averageFromDll(p.openAveragePrice())))
                .setDailyBuyQuantity(p.dailyBuyQuantity())
                .setDailyAverageBuyPrice(Prices.text(Prices.averageFromDll(p.dailyAverageBuyPrice())))
                .setDailySellQuantity(p.dailySellQuantity())
                .setDailyAverageSellPrice(Prices.text(Prices.averageFromDll(p.dailyAverageSellPrice())))
                .build();
    }
}
