package blackbox.gateway.trading;

/**
 * The copy of one {@code TConnectorTradingMessageResult} (profitdll-api.md §3.4): the trading server's answer to a
 * request, correlated by MessageID (LocalOrderID may be 0 for some codes, §9.3).
 *
 * @param message the server's text ({@code ""} when empty)
 */
public record TradingMessage(int brokerId, long localOrderId, String clOrderId, long messageId, int resultCode, String message) {
    public TradingMessage {
        clOrderId = clOrderId == null ? "" : clOrderId;
        message = message == null ? "" : message;
    }

    /** Routing progress: sent to the proxy, Hades, the broker, the market or the wallet. */
    public boolean progress() {
        return switch (resultCode) {
            case 2, 4, 6, 8, 17 -> true;
            default -> false;
        };
    }

    /** The request was refused somewhere on the way (or never left: not connected). */
    public boolean rejected() {
        return switch (resultCode) {
            case 1, 3, 5, 7, 9, 24, 77, 78 -> true;
            default -> false;
        };
    }

    /** {@code mrcRejectedBroker (7)}; codes outside the manual's routing list by number. */
    public String codeLabel() {
        String name = switch (resultCode) {
            case 0 -> "mrcStarting";
            case 1 -> "mrcNotConnected";
            case 2 -> "mrcSentToHadesProxy";
            case 3 -> "mrcRejectedMercury";
            case 4 -> "mrcSentToHades";
            case 5 -> "mrcRejectedHades";
            case 6 -> "mrcSentToBroker";
            case 7 -> "mrcRejectedBroker";
            case 8 -> "mrcSentToMarket";
            case 9 -> "mrcRejectedMarket";
            case 10 -> "mrcAccepted";
            case 13 -> "mrcNeedUpdateFromServer";
            case 17 -> "mrcSentToWallet";
            case 24 -> "mrcBlockedByRisk";
            case 77 -> "mrcInvalidData";
            case 78 -> "mrcInvalidWalletTransfer";
            case 200 -> "mrcUnknown";
            default -> "TConnectorTradingMessageResultCode";
        };
        return name + " (" + resultCode + ")";
    }
}
