/* abi_layout.c — compile-time check of every record of ../profitdll.h against the x64 sizes and offsets of
   profitdll-api.md §3 (natural alignment; legacy records packed). Compiling this file is the test: a wrong
   layout is a compile error naming the record and field. Run by run.sh before anything else. */
#include <stddef.h>

#include "profitdll.h"

#define SIZE(T, n)      _Static_assert(sizeof(T) == (n), #T ": size must be " #n)
#define AT(T, f, off)   _Static_assert(offsetof(T, f) == (off), #T "." #f ": offset must be " #off)

SIZE(TSystemTime, 16);
SIZE(TAssetIDRec, 20);          AT(TAssetIDRec, pwcBolsa, 8);   AT(TAssetIDRec, nFeed, 16);
SIZE(TAccountRec, 28);          AT(TAccountRec, nCorretoraID, 24);

SIZE(TConnectorAccountIdentifier, 32);
AT(TConnectorAccountIdentifier, BrokerID, 4);   AT(TConnectorAccountIdentifier, AccountID, 8);
AT(TConnectorAccountIdentifier, SubAccountID, 16); AT(TConnectorAccountIdentifier, Reserved, 24);

SIZE(TConnectorAccountIdentifierOut, 424);
AT(TConnectorAccountIdentifierOut, BrokerID, 4);      AT(TConnectorAccountIdentifierOut, AccountID, 8);
AT(TConnectorAccountIdentifierOut, AccountIDLength, 208); AT(TConnectorAccountIdentifierOut, SubAccountID, 212);
AT(TConnectorAccountIdentifierOut, SubAccountIDLength, 412); AT(TConnectorAccountIdentifierOut, Reserved, 416);

SIZE(TConnectorAssetIdentifier, 32);
AT(TConnectorAssetIdentifier, Ticker, 8); AT(TConnectorAssetIdentifier, Exchange, 16); AT(TConnectorAssetIdentifier, FeedType, 24);

SIZE(TConnectorAssetIdentifierOut, 40);
AT(TConnectorAssetIdentifierOut, Ticker, 8);   AT(TConnectorAssetIdentifierOut, TickerLength, 16);
AT(TConnectorAssetIdentifierOut, Exchange, 24); AT(TConnectorAssetIdentifierOut, ExchangeLength, 32);
AT(TConnectorAssetIdentifierOut, FeedType, 36);

SIZE(TConnectorOrderIdentifier, 24);
AT(TConnectorOrderIdentifier, LocalOrderID, 8); AT(TConnectorOrderIdentifier, ClOrderID, 16);

SIZE(TConnectorSendOrder, 120);
AT(TConnectorSendOrder, AccountID, 8); AT(TConnectorSendOrder, AssetID, 40); AT(TConnectorSendOrder, Password, 72);
AT(TConnectorSendOrder, OrderType, 80); AT(TConnectorSendOrder, OrderSide, 81); AT(TConnectorSendOrder, Price, 88);
AT(TConnectorSendOrder, StopPrice, 96); AT(TConnectorSendOrder, Quantity, 104); AT(TConnectorSendOrder, MessageID, 112);

SIZE(TConnectorChangeOrder, 104);
AT(TConnectorChangeOrder, AccountID, 8); AT(TConnectorChangeOrder, OrderID, 40); AT(TConnectorChangeOrder, Password, 64);
AT(TConnectorChangeOrder, Price, 72); AT(TConnectorChangeOrder, StopPrice, 80); AT(TConnectorChangeOrder, Quantity, 88);
AT(TConnectorChangeOrder, MessageID, 96);

SIZE(TConnectorCancelOrder, 80);
AT(TConnectorCancelOrder, AccountID, 8); AT(TConnectorCancelOrder, OrderID, 40); AT(TConnectorCancelOrder, Password, 64);
AT(TConnectorCancelOrder, MessageID, 72);

SIZE(TConnectorCancelOrders, 80);
AT(TConnectorCancelOrders, AccountID, 8); AT(TConnectorCancelOrders, AssetID, 40); AT(TConnectorCancelOrders, Password, 72);

SIZE(TConnectorCancelAllOrders, 48);
AT(TConnectorCancelAllOrders, AccountID, 8); AT(TConnectorCancelAllOrders, Password, 40);

SIZE(TConnectorZeroPosition, 104);
AT(TConnectorZeroPosition, AccountID, 8); AT(TConnectorZeroPosition, AssetID, 40); AT(TConnectorZeroPosition, Password, 72);
AT(TConnectorZeroPosition, Price, 80); AT(TConnectorZeroPosition, PositionType, 88); AT(TConnectorZeroPosition, MessageID, 96);

SIZE(TConnectorTradingAccountOut, 96);
AT(TConnectorTradingAccountOut, AccountID, 8); AT(TConnectorTradingAccountOut, BrokerName, 40);
AT(TConnectorTradingAccountOut, BrokerNameLength, 48); AT(TConnectorTradingAccountOut, OwnerName, 56);
AT(TConnectorTradingAccountOut, OwnerNameLength, 64); AT(TConnectorTradingAccountOut, SubOwnerName, 72);
AT(TConnectorTradingAccountOut, SubOwnerNameLength, 80); AT(TConnectorTradingAccountOut, AccountFlags, 84);
AT(TConnectorTradingAccountOut, AccountType, 88);

SIZE(TConnectorTradingAccountPosition, 216);
AT(TConnectorTradingAccountPosition, AccountID, 8); AT(TConnectorTradingAccountPosition, AssetID, 40);
AT(TConnectorTradingAccountPosition, OpenQuantity, 72); AT(TConnectorTradingAccountPosition, OpenAveragePrice, 80);
AT(TConnectorTradingAccountPosition, OpenSide, 88); AT(TConnectorTradingAccountPosition, DailyAverageSellPrice, 96);
AT(TConnectorTradingAccountPosition, DailySellQuantity, 104); AT(TConnectorTradingAccountPosition, DailyAverageBuyPrice, 112);
AT(TConnectorTradingAccountPosition, DailyBuyQuantity, 120); AT(TConnectorTradingAccountPosition, DailyQuantityD1, 128);
AT(TConnectorTradingAccountPosition, DailyQuantityD2, 136); AT(TConnectorTradingAccountPosition, DailyQuantityD3, 144);
AT(TConnectorTradingAccountPosition, DailyQuantityBlocked, 152); AT(TConnectorTradingAccountPosition, DailyQuantityPending, 160);
AT(TConnectorTradingAccountPosition, DailyQuantityAlloc, 168); AT(TConnectorTradingAccountPosition, DailyQuantityProvision, 176);
AT(TConnectorTradingAccountPosition, DailyQuantity, 184); AT(TConnectorTradingAccountPosition, DailyQuantityAvailable, 192);
AT(TConnectorTradingAccountPosition, PositionType, 200); AT(TConnectorTradingAccountPosition, EventID, 208);

SIZE(TConnectorOrder, 232);
AT(TConnectorOrder, OrderID, 8); AT(TConnectorOrder, AccountID, 32); AT(TConnectorOrder, AssetID, 64);
AT(TConnectorOrder, Quantity, 96); AT(TConnectorOrder, TradedQuantity, 104); AT(TConnectorOrder, LeavesQuantity, 112);
AT(TConnectorOrder, Price, 120); AT(TConnectorOrder, StopPrice, 128); AT(TConnectorOrder, AveragePrice, 136);
AT(TConnectorOrder, OrderSide, 144); AT(TConnectorOrder, OrderType, 145); AT(TConnectorOrder, OrderStatus, 146);
AT(TConnectorOrder, ValidityType, 147); AT(TConnectorOrder, Date, 148); AT(TConnectorOrder, LastUpdate, 164);
AT(TConnectorOrder, CloseDate, 180); AT(TConnectorOrder, ValidityDate, 196); AT(TConnectorOrder, TextMessage, 216);
AT(TConnectorOrder, EventID, 224);

SIZE(TConnectorOrderOut, 640);
AT(TConnectorOrderOut, OrderID, 8); AT(TConnectorOrderOut, AccountID, 32); AT(TConnectorOrderOut, AssetID, 456);
AT(TConnectorOrderOut, Quantity, 496); AT(TConnectorOrderOut, TradedQuantity, 504); AT(TConnectorOrderOut, LeavesQuantity, 512);
AT(TConnectorOrderOut, Price, 520); AT(TConnectorOrderOut, StopPrice, 528); AT(TConnectorOrderOut, AveragePrice, 536);
AT(TConnectorOrderOut, OrderSide, 544); AT(TConnectorOrderOut, OrderType, 545); AT(TConnectorOrderOut, OrderStatus, 546);
AT(TConnectorOrderOut, ValidityType, 547); AT(TConnectorOrderOut, Date, 548); AT(TConnectorOrderOut, LastUpdate, 564);
AT(TConnectorOrderOut, CloseDate, 580); AT(TConnectorOrderOut, ValidityDate, 596); AT(TConnectorOrderOut, TextMessage, 616);
AT(TConnectorOrderOut, TextMessageLength, 624); AT(TConnectorOrderOut, EventID, 632);

SIZE(TConnectorTrade, 64);
AT(TConnectorTrade, TradeDate, 2); AT(TConnectorTrade, TradeNumber, 20); AT(TConnectorTrade, Price, 24);
AT(TConnectorTrade, Quantity, 32); AT(TConnectorTrade, Volume, 40); AT(TConnectorTrade, BuyAgent, 48);
AT(TConnectorTrade, SellAgent, 52); AT(TConnectorTrade, TradeType, 56);

SIZE(TConnectorPriceGroup, 40);
AT(TConnectorPriceGroup, Price, 8); AT(TConnectorPriceGroup, Count, 16); AT(TConnectorPriceGroup, Quantity, 24);
AT(TConnectorPriceGroup, PriceGroupFlags, 32);

SIZE(TConnectorTradingMessageResult, 64);
AT(TConnectorTradingMessageResult, BrokerID, 4); AT(TConnectorTradingMessageResult, OrderID, 8);
AT(TConnectorTradingMessageResult, MessageID, 32); AT(TConnectorTradingMessageResult, ResultCode, 40);
AT(TConnectorTradingMessageResult, Message, 48); AT(TConnectorTradingMessageResult, MessageLength, 56);

/* the calling shape of the new callbacks and functions (a mismatch is a compile error) */
static void cb_pos(const TConnectorAccountIdentifier *a, const TConnectorAssetIdentifier *b, int64_t e) { (void)a; (void)b; (void)e; }
static void cb_acc(int32_t b, uint32_t c) { (void)b; (void)c; }
static void cb_sub(const TConnectorAccountIdentifier *a) { (void)a; }
static PDLL_BOOL cb_enum(const TConnectorAssetIdentifier *a, PDLL_LPARAM p) { (void)a; (void)p; return 1; }
TConnectorAssetPositionListCallback    abi_cb1 = cb_pos;
TConnectorBrokerAccountListCallback    abi_cb2 = cb_acc;
TConnectorBrokerSubAccountListCallback abi_cb3 = cb_sub;
TConnectorEnumerateAssetProc           abi_cb4 = cb_enum;
