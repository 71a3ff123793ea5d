/*
 * profitdll.h — Nelogica ProfitDLL 4.0.0.42, Windows x64 ABI, the subset BlackBox binds.
 *
 * Source of every declaration: ../shared/docs/profitdll-api.md (the vendor manual [EN] and the vendor
 * Delphi units [D-DATA], [D-CB], [D-FN]). Section numbers below refer to that file.
 *
 * ABI rules this header encodes (profitdll-api.md §1):
 *  - Every function and callback is stdcall. On Win64 that is simply the Microsoft x64 convention, so
 *    PDLL_STDCALL is empty off Windows (the simulator is built for Linux x86-64 / SysV).
 *  - Strings are UTF-16LE, NUL-terminated: char16_t, never Linux's 32-bit wchar_t.
 *  - TConnector* records have natural C alignment (Delphi default record alignment); the legacy
 *    TAssetIDRec and TAccountRec are `packed record`.
 *  - Records that the vendor passes BY VALUE to callbacks and functions (TAssetIDRec,
 *    TConnector*Identifier, TSystemTime) are all larger than 8 bytes. The Win64 ABI passes such a record
 *    as a pointer to a caller-made copy, so at machine level the argument IS a pointer. PDLL_RECORD_ARG
 *    keeps the vendor's by-value declaration on Windows and spells the pointer out elsewhere, so the
 *    simulator has exactly the Windows x64 calling shape on Linux (where SysV would otherwise copy a
 *    record onto the stack) and one Java binding serves both.
 *  - Delphi `Char` flags in callbacks (bEdit, bHas*) occupy a full argument slot: int32_t, nonzero = true.
 *  - NResult codes are int32_t; the order-sending functions return int64_t (local order id > 0 or a
 *    negative NResult).
 */
#ifndef BLACKBOX_PROFITDLL_H
#define BLACKBOX_PROFITDLL_H

#include <stdint.h>
#include <uchar.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  define PDLL_STDCALL __stdcall
#  define PDLL_RECORD_ARG(T) T
#else
#  define PDLL_STDCALL
#  define PDLL_RECORD_ARG(T) const T *
#endif

#if defined(_WIN32)
#  define PDLL_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#  define PDLL_EXPORT __attribute__((visibility("default")))
#else
#  define PDLL_EXPORT
#endif

typedef char16_t PDLL_WCHAR;      /* Delphi WideChar: UTF-16 code unit */
typedef int32_t  NResult;         /* §2.1 */
typedef int32_t  PDLL_BOOL;       /* Win32 BOOL (4 bytes), not C's bool */
typedef intptr_t PDLL_LPARAM;     /* pointer-sized */

/* ---------------------------------------------------------------- §2.1 NResult codes */
#define NL_OK                     ((NResult)0x00000000)
#define NL_INTERNAL_ERROR         ((NResult)0x80000001)
#define NL_NOT_INITIALIZED        ((NResult)0x80000002)
#define NL_INVALID_ARGS           ((NResult)0x80000003)
#define NL_WAITING_SERVER         ((NResult)0x80000004)
#define NL_NO_LOGIN               ((NResult)0x80000005)
#define NL_NO_LICENSE             ((NResult)0x80000006)
#define NL_PASSWORD_HASH_SHA1     ((NResult)0x80000007) /* vendor code only ([D-CONST]); §9.1.8 */
#define NL_PASSWORD_HASH_MD5      ((NResult)0x80000008) /* vendor code only ([D-CONST]); §9.1.8 */
#define NL_OUT_OF_RANGE           ((NResult)0x80000009)
#define NL_MARKET_ONLY            ((NResult)0x8000000A)
#define NL_NO_POSITION            ((NResult)0x8000000B)
#define NL_NOT_FOUND              ((NResult)0x8000000C)
#define NL_VERSION_NOT_SUPPORTED  ((NResult)0x8000000D)
#define NL_OCO_NO_RULES           ((NResult)0x8000000E)
#define NL_EXCHANGE_UNKNOWN       ((NResult)0x8000000F)
#define NL_NO_OCO_DEFINED         ((NResult)0x80000010)
#define NL_INVALID_SERIE          ((NResult)0x80000011)
#define NL_LICENSE_NOT_ALLOWED    ((NResult)0x80000012)
#define NL_NOT_HARD_LOGOUT        ((NResult)0x80000013)
#define NL_SERIE_NO_HISTORY       ((NResult)0x80000014)
#define NL_ASSET_NO_DATA          ((NResult)0x80000015)
#define NL_SERIE_NO_DATA          ((NResult)0x80000016)
#define NL_HAS_STRATEGY_RUNNING   ((NResult)0x80000017) /* vendor code and [OLDPT]; §9.1.8 */
#define NL_SERIE_NO_MORE_HISTORY  ((NResult)0x80000018)
#define NL_SERIE_MAX_COUNT        ((NResult)0x80000019)
#define NL_DUPLICATE_RESOURCE     ((NResult)0x8000001A)
#define NL_UNSIGNED_CONTRACT      ((NResult)0x8000001B)
#define NL_NO_PASSWORD            ((NResult)0x8000001C)
#define NL_NO_USER                ((NResult)0x8000001D)
#define NL_FILE_ALREADY_EXISTS    ((NResult)0x8000001E)
#define NL_INVALID_TICKER         ((NResult)0x8000001F)
#define NL_NOT_MASTER_ACCOUNT     ((NResult)0x80000020)
/* 0x80000021..0x8000002D exist (+14 codes since 4.0.0.31) but no public source names them. */
#define NL_HISTORY_PERIOD_LIMIT   ((NResult)0x8000002E) /* 4.0.0.41 */

/* ---------------------------------------------------------------- §2.2 connection state */
#define CONNECTION_STATE_LOGIN         0
#define CONNECTION_STATE_ROTEAMENTO    1
#define CONNECTION_STATE_MARKET_DATA   2
#define CONNECTION_STATE_MARKET_LOGIN  3

#define LOGIN_CONNECTED      0
#define LOGIN_INVALID        1
#define LOGIN_INVALID_PASS   2
#define LOGIN_BLOCKED_PASS   3
#define LOGIN_EXPIRED_PASS   4
#define LOGIN_UNKNOWN_ERR    200

#define ROTEAMENTO_DISCONNECTED         0
#define ROTEAMENTO_CONNECTING           1
#define ROTEAMENTO_CONNECTED            2
#define ROTEAMENTO_BROKER_DISCONNECTED  3
#define ROTEAMENTO_BROKER_CONNECTING    4
#define ROTEAMENTO_BROKER_CONNECTED     5

#define MARKET_DISCONNECTED          0
#define MARKET_CONNECTING            1
#define MARKET_WAITING               2
#define MARKET_NOT_LOGGED            3
#define MARKET_CONNECTED             4
#define MARKET_PERFORMANCE_WARNING   5 /* 4.0.0.39 */
#define MARKET_PARTIAL_CONNECTED     6 /* 4.0.0.39: feed ok, client not consuming callbacks */

#define CONNECTION_ACTIVATE_VALID    0
#define CONNECTION_ACTIVATE_INVALID  1

/* TSystemHealthState (4.0.0.41) */
#define SHS_RESPONSIVE 0
#define SHS_FROZEN     1

/* ---------------------------------------------------------------- §2.3 orders */
/* TConnectorOrderType (V1 values; send 1, 2 or 4) */
#define COT_MARKET     1
#define COT_LIMIT      2
#define COT_STOP_LIMIT 4
/* TConnectorOrderSide (V1) */
#define COS_BUY  1
#define COS_SELL 2
/* TConnectorOrderStatus (Byte) */
#define COS_NEW                         0
#define COS_PARTIALLY_FILLED            1
#define COS_FILLED                      2
#define COS_DONE_FOR_DAY                3
#define COS_CANCELED                    4
#define COS_REPLACED                    5
#define COS_PENDING_CANCEL              6
#define COS_STOPPED                     7
#define COS_REJECTED                    8
#define COS_SUSPENDED                   9
#define COS_PENDING_NEW                 10
#define COS_CALCULATED                  11
#define COS_EXPIRED                     12
#define COS_ACCEPTED_FOR_BIDDING        13
#define COS_PENDING_REPLACE             14
#define COS_PARTIALLY_FILLED_CANCELED   15
#define COS_RECEIVED                    16
#define COS_PARTIALLY_FILLED_EXPIRED    17
#define COS_PARTIALLY_FILLED_REJECTED   18
#define COS_UNKNOWN                     200
#define COS_HADES_CREATED               201
#define COS_BROKER_SENT                 202
#define COS_CLIENT_CREATED              203
#define COS_ORDER_NOT_CREATED           204
#define COS_CANCELED_BY_ADMIN           205
#define COS_DELAY_FIX_GATEWAY           206
#define COS_SCHEDULED_ORDER             207
/* TConnectorPositionType */
#define CPT_DAY_TRADE     1
#define CPT_CONSOLIDATED  2
/* TConnectorAccountType */
#define CUT_OWNER         0
#define CUT_ASSESSOR      1
#define CUT_MASTER        2
#define CUT_SUB_ACCOUNT   3
#define CUT_RISK_MASTER   4
#define CUT_PROP_OFFICE   5
#define CUT_PROP_MANAGER  6
/* TConnectorTradingAccountOut.AccountFlags */
#define CA_IS_SUB_ACCOUNT 1
#define CA_IS_ENABLED     2
/* TConnectorTradingMessageResultCode (Byte), the routing progress codes */
#define MRC_STARTING               0
#define MRC_NOT_CONNECTED          1
#define MRC_SENT_TO_HADES_PROXY    2
#define MRC_REJECTED_MERCURY       3
#define MRC_SENT_TO_HADES          4
#define MRC_REJECTED_HADES         5
#define MRC_SENT_TO_BROKER         6
#define MRC_REJECTED_BROKER        7
#define MRC_SENT_TO_MARKET         8
#define MRC_REJECTED_MARKET        9
#define MRC_ACCEPTED               10
#define MRC_BLOCKED_BY_RISK        24
#define MRC_INVALID_DATA           77
#define MRC_UNKNOWN                200

/* ---------------------------------------------------------------- §2.4 market data */
#define TC_IS_EDIT       1u /* TConnectorTradeCallback a_nFlags: real-time edit of an earlier trade */
#define TC_LAST_PACKET   2u /* TConnectorTradeCallback a_nFlags: last trade of a history answer */
#define PG_IS_THEORIC    1u /* TConnectorPriceGroup.PriceGroupFlags */

/* TConnectorUpdateType (a_UpdateType of TConnectorPriceDepthCallback) */
#define UT_ADD           0
#define UT_EDIT          1
#define UT_DELETE        2
#define UT_INSERT        3
#define UT_FULL_BOOK     4
#define UT_PREPARE       5
#define UT_FLUSH         6
#define UT_THEORIC_PRICE 7
#define UT_DELETE_FROM   8
/* TConnectorBookSideType */
#define BS_BUY   0
#define BS_SELL  1
#define BS_BOTH  254
#define BS_NONE  255

/* Trade type (TConnectorTrade.TradeType) */
#define TT_CROSS_TRADE        1
#define TT_AGGRESSIVE_BUY     2
#define TT_AGGRESSIVE_SELL    3
#define TT_AUCTION            4
#define TT_SURVEILLANCE       5
#define TT_EXPIT              6
#define TT_OPTIONS_EXERCISE   7
#define TT_OVER_THE_COUNTER   8
#define TT_DERIVATIVE_TERM    9
#define TT_INDEX              10
#define TT_BTC                11
#define TT_ON_BEHALF          12
#define TT_RLP                13
#define TT_UNKNOWN            32

/* Ticker state (TChangeStateTicker nState) */
#define TCS_OPENED       0
#define TCS_FROZEN       2
#define TCS_INHIBITED    3
#define TCS_AUCTIONED    4
#define TCS_CLOSED       6
#define TCS_PRE_CLOSING  10
#define TCS_PRE_OPENING  13

/* ---------------------------------------------------------------- §1, §3 records */

/* Win32 SYSTEMTIME: 8 x uint16, 16 bytes, alignment 2. */
typedef struct TSystemTime {
    uint16_t wYear;
    uint16_t wMonth;
    uint16_t wDayOfWeek;
    uint16_t wDay;
    uint16_t wHour;
    uint16_t wMinute;
    uint16_t wSecond;
    uint16_t wMilliseconds;
} TSystemTime;

/* TString0In = array[0..99] of WideChar, inline (not a pointer) [D-DATA]. */
#define PDLL_STRING0IN_LEN 100

/* §3.1 legacy records: Delphi `packed record`. */
#pragma pack(push, 1)
typedef struct TAssetIDRec {            /* x64 size 20, alignment 1 */
    const PDLL_WCHAR *pwcTicker;        /* @0  e.g. u"PETR4" */
    const PDLL_WCHAR *pwcBolsa;         /* @8  e.g. u"B" */
    int32_t           nFeed;            /* @16 0 Nelogica, 255 other */
} TAssetIDRec;

typedef struct TAccountRec {            /* x64 size 28, alignment 1; declared, used by no current function */
    const PDLL_WCHAR *pwhAccountID;
    const PDLL_WCHAR *pwhTitular;
    const PDLL_WCHAR *pwhNomeCorretora;
    int32_t           nCorretoraID;
} TAccountRec;
#pragma pack(pop)

/* §3.2 identifiers (natural alignment). */
typedef struct TConnectorAccountIdentifier {    /* size 32 */
    uint8_t            Version;                 /* @0 */
    int32_t            BrokerID;                /* @4 */
    const PDLL_WCHAR  *AccountID;               /* @8 */
    const PDLL_WCHAR  *SubAccountID;            /* @16 nil/"" = master account */
    int64_t            Reserved;                /* @24 */
} TConnectorAccountIdentifier;

typedef struct TConnectorAccountIdentifierOut { /* size 424 */
    uint8_t     Version;                        /* @0 */
    int32_t     BrokerID;                       /* @4 */
    PDLL_WCHAR  AccountID[PDLL_STRING0IN_LEN];  /* @8   TString0In, inline */
    int32_t     AccountIDLength;                /* @208 */
    PDLL_WCHAR  SubAccountID[PDLL_STRING0IN_LEN]; /* @212 */
    int32_t     SubAccountIDLength;             /* @412 */
    int64_t     Reserved;                       /* @416 */
} TConnectorAccountIdentifierOut;

typedef struct TConnectorAssetIdentifier {      /* size 32 */
    uint8_t            Version;                 /* @0 */
    const PDLL_WCHAR  *Ticker;                  /* @8 */
    const PDLL_WCHAR  *Exchange;                /* @16 */
    uint8_t            FeedType;                /* @24 0 in every example */
} TConnectorAssetIdentifier;

typedef struct TConnectorAssetIdentifierOut {   /* size 40, two-pass strings */
    uint8_t      Version;                       /* @0 */
    PDLL_WCHAR  *Ticker;                        /* @8 */
    int32_t      TickerLength;                  /* @16 */
    PDLL_WCHAR  *Exchange;                      /* @24 */
    int32_t      ExchangeLength;                /* @32 */
    uint8_t      FeedType;                      /* @36 */
} TConnectorAssetIdentifierOut;

typedef struct TConnectorOrderIdentifier {      /* size 24 */
    uint8_t            Version;                 /* @0 */
    int64_t            LocalOrderID;            /* @8  per-session id returned by SendOrder */
    const PDLL_WCHAR  *ClOrderID;               /* @16 permanent id */
} TConnectorOrderIdentifier;

/* §3.3 routing requests (passed by pointer). */
typedef struct TConnectorSendOrder {            /* size 120 */
    uint8_t                      Version;       /* @0 0 or 1 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    TConnectorAssetIdentifier    AssetID;       /* @40 */
    const PDLL_WCHAR            *Password;      /* @72 routing password */
    uint8_t                      OrderType;     /* @80 V1: COT_* */
    uint8_t                      OrderSide;     /* @81 V1: COS_BUY / COS_SELL */
    double                       Price;         /* @88 market: -1 */
    double                       StopPrice;     /* @96 non-stop: -1 */
    int64_t                      Quantity;      /* @104 */
    /* §9.1.3: [EN] marks MessageID "V2", the newest vendor Delphi unit [D-DATA]@909843 "V1". We follow
       the vendor code (V1) and always allocate the full record with MessageID = 0. */
    int64_t                      MessageID;     /* @112 OUT */
} TConnectorSendOrder;

typedef struct TConnectorChangeOrder {          /* size 104 */
    uint8_t                      Version;       /* @0 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    TConnectorOrderIdentifier    OrderID;       /* @40 */
    const PDLL_WCHAR            *Password;      /* @64 */
    double                       Price;         /* @72 */
    double                       StopPrice;     /* @80 */
    int64_t                      Quantity;      /* @88 */
    int64_t                      MessageID;     /* @96 V1, OUT */
} TConnectorChangeOrder;

typedef struct TConnectorCancelOrder {          /* size 80 */
    uint8_t                      Version;       /* @0 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    TConnectorOrderIdentifier    OrderID;       /* @40 */
    const PDLL_WCHAR            *Password;      /* @64 */
    int64_t                      MessageID;     /* @72 V1, OUT */
} TConnectorCancelOrder;

typedef struct TConnectorCancelOrders {         /* size 80, V0 only; SendCancelOrdersV2: every order of one asset */
    uint8_t                      Version;       /* @0 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    TConnectorAssetIdentifier    AssetID;       /* @40 */
    const PDLL_WCHAR            *Password;      /* @72 */
} TConnectorCancelOrders;

typedef struct TConnectorCancelAllOrders {      /* size 48, V0 only */
    uint8_t                      Version;       /* @0 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    const PDLL_WCHAR            *Password;      /* @40 */
} TConnectorCancelAllOrders;

typedef struct TConnectorZeroPosition {         /* size 104 */
    uint8_t                      Version;       /* @0 */
    TConnectorAccountIdentifier  AccountID;     /* @8 */
    TConnectorAssetIdentifier    AssetID;       /* @40 */
    const PDLL_WCHAR            *Password;      /* @72 */
    double                       Price;         /* @80 -1 = at market */
    uint8_t                      PositionType;  /* @88 V1, required: CPT_* */
    int64_t                      MessageID;     /* @96 V2, OUT */
} TConnectorZeroPosition;

/* §3.4 queries and results. */
typedef struct TConnectorTradingAccountOut {    /* size 96 */
    uint8_t                      Version;           /* @0 0 or 1 */
    TConnectorAccountIdentifier  AccountID;         /* @8 IN */
    PDLL_WCHAR                  *BrokerName;        /* @40 two-pass */
    int32_t                      BrokerNameLength;  /* @48 */
    PDLL_WCHAR                  *OwnerName;         /* @56 */
    int32_t                      OwnerNameLength;   /* @64 */
    PDLL_WCHAR                  *SubOwnerName;      /* @72 */
    int32_t                      SubOwnerNameLength;/* @80 */
    uint32_t                     AccountFlags;      /* @84 CA_* */
    uint8_t                      AccountType;       /* @88 V1: CUT_* */
} TConnectorTradingAccountOut;

typedef struct TConnectorTradingAccountPosition { /* size 216 */
    uint8_t                      Version;                /* @0 1 or 2 */
    TConnectorAccountIdentifier  AccountID;              /* @8 IN */
    TConnectorAssetIdentifier    AssetID;                /* @40 IN */
    int64_t                      OpenQuantity;           /* @72 */
    double                       OpenAveragePrice;       /* @80 */
    uint8_t                      OpenSide;               /* @88 */
    double                       DailyAverageSellPrice;  /* @96 */
    int64_t                      DailySellQuantity;      /* @104 */
    double                       DailyAverageBuyPrice;   /* @112 */
    int64_t                      DailyBuyQuantity;       /* @120 */
    int64_t                      DailyQuantityD1;        /* @128 */
    int64_t                      DailyQuantityD2;        /* @136 */
    int64_t                      DailyQuantityD3;        /* @144 */
    int64_t                      DailyQuantityBlocked;   /* @152 */
    int64_t                      DailyQuantityPending;   /* @160 */
    int64_t                      DailyQuantityAlloc;     /* @168 */
    int64_t                      DailyQuantityProvision; /* @176 */
    int64_t                      DailyQuantity;          /* @184 */
    int64_t                      DailyQuantityAvailable; /* @192 */
    uint8_t                      PositionType;           /* @200 V1, IN, required */
    int64_t                      EventID;                /* @208 V2 */
} TConnectorTradingAccountPosition;

typedef struct TConnectorOrder {                /* size 232; handed to TConnectorEnumerateOrdersProc */
    uint8_t                      Version;       /* @0 */
    TConnectorOrderIdentifier    OrderID;       /* @8 */
    TConnectorAccountIdentifier  AccountID;     /* @32 */
    TConnectorAssetIdentifier    AssetID;       /* @64 */
    int64_t                      Quantity;      /* @96 */
    int64_t                      TradedQuantity;/* @104 */
    int64_t                      LeavesQuantity;/* @112 */
    double                       Price;         /* @120 */
    double                       StopPrice;     /* @128 */
    double                       AveragePrice;  /* @136 */
    uint8_t                      OrderSide;     /* @144 */
    uint8_t                      OrderType;     /* @145 */
    uint8_t                      OrderStatus;   /* @146 COS_* */
    uint8_t                      ValidityType;  /* @147 */
    TSystemTime                  Date;          /* @148 */
    TSystemTime                  LastUpdate;    /* @164 */
    TSystemTime                  CloseDate;     /* @180 */
    TSystemTime                  ValidityDate;  /* @196 */
    const PDLL_WCHAR            *TextMessage;   /* @216 */
    int64_t                      EventID;       /* @224 V1 */
} TConnectorOrder;

typedef struct TConnectorOrderOut {             /* size 640; GetOrderDetails */
    uint8_t                         Version;           /* @0 */
    TConnectorOrderIdentifier       OrderID;           /* @8 IN */
    TConnectorAccountIdentifierOut  AccountID;         /* @32 inline strings */
    TConnectorAssetIdentifierOut    AssetID;           /* @456 two-pass */
    int64_t                         Quantity;          /* @496 */
    int64_t                         TradedQuantity;    /* @504 */
    int64_t                         LeavesQuantity;    /* @512 */
    double                          Price;             /* @520 */
    double                          StopPrice;         /* @528 */
    double                          AveragePrice;      /* @536 */
    uint8_t                         OrderSide;         /* @544 */
    uint8_t                         OrderType;         /* @545 */
    uint8_t                         OrderStatus;       /* @546 */
    uint8_t                         ValidityType;      /* @547 */
    TSystemTime                     Date;              /* @548 */
    TSystemTime                     LastUpdate;        /* @564 */
    TSystemTime                     CloseDate;         /* @580 */
    TSystemTime                     ValidityDate;      /* @596 */
    PDLL_WCHAR                     *TextMessage;       /* @616 two-pass */
    int32_t                         TextMessageLength; /* @624 */
    int64_t                         EventID;           /* @632 V1 */
} TConnectorOrderOut;

typedef struct TConnectorTrade {                /* size 64; filled by TranslateTrade, caller sets Version = 0 */
    uint8_t      Version;                       /* @0 */
    TSystemTime  TradeDate;                     /* @2 */
    uint32_t     TradeNumber;                   /* @20 */
    double       Price;                         /* @24 */
    int64_t      Quantity;                      /* @32 */
    double       Volume;                        /* @40 financial volume */
    int32_t      BuyAgent;                      /* @48 */
    int32_t      SellAgent;                     /* @52 */
    uint8_t      TradeType;                     /* @56 TT_* */
} TConnectorTrade;

typedef struct TConnectorPriceGroup {           /* size 40; GetPriceGroup OUT, caller sets Version = 0 */
    uint8_t   Version;                          /* @0 */
    double    Price;                            /* @8 */
    uint32_t  Count;                            /* @16 */
    int64_t   Quantity;                         /* @24 */
    uint32_t  PriceGroupFlags;                  /* @32 PG_IS_THEORIC */
} TConnectorPriceGroup;

typedef struct TConnectorTradingMessageResult { /* size 64 */
    uint8_t                      Version;       /* @0 */
    int32_t                      BrokerID;      /* @4 */
    TConnectorOrderIdentifier    OrderID;       /* @8 LocalOrderID may be 0: correlate by MessageID */
    int64_t                      MessageID;     /* @32 */
    uint8_t                      ResultCode;    /* @40 MRC_* */
    const PDLL_WCHAR            *Message;       /* @48 */
    int32_t                      MessageLength; /* @56 */
} TConnectorTradingMessageResult;

/* ---------------------------------------------------------------- §4 callbacks */

/* §4.1 */
typedef void (PDLL_STDCALL *TStateCallback)(int32_t nConnStateType, int32_t nResult);
typedef void (PDLL_STDCALL *TSystemHealthCallback)(int32_t nState);

/* §4.2 legacy market data (parameters of DLLInitialize*). */
typedef void (PDLL_STDCALL *TNewTradeCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, const PDLL_WCHAR *pwcDate, uint32_t nTradeNumber,
    double dPrice, double dVol, int32_t nQtd, int32_t nBuyAgent, int32_t nSellAgent,
    int32_t nTradeType, int32_t bEdit);
typedef void (PDLL_STDCALL *THistoryTradeCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, const PDLL_WCHAR *pwcDate, uint32_t nTradeNumber,
    double dPrice, double dVol, int32_t nQtd, int32_t nBuyAgent, int32_t nSellAgent,
    int32_t nTradeType);
typedef void (PDLL_STDCALL *TNewDailyCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, const PDLL_WCHAR *pwcDate,
    double dOpen, double dHigh, double dLow, double dClose, double dVol, double dAjuste,
    double dMaxLimit, double dMinLimit, double dVolBuyer, double dVolSeller,
    int32_t nQtd, int32_t nNegocios, int32_t nContratosOpen, int32_t nQtdBuyer,
    int32_t nQtdSeller, int32_t nNegBuyer, int32_t nNegSeller);
typedef void (PDLL_STDCALL *TProgressCallback)(PDLL_RECORD_ARG(TAssetIDRec) rAssetID, int32_t nProgress);
typedef void (PDLL_STDCALL *TTinyBookCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, double dPrice, int32_t nQtd, int32_t nSide);
typedef void (PDLL_STDCALL *TPriceBookCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, int32_t nAction, int32_t nPosition, int32_t nSide,
    int32_t nQtds, int32_t nCount, double dPrice, void *pArraySell, void *pArrayBuy);
typedef void (PDLL_STDCALL *TOfferBookCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, int32_t nAction, int32_t nPosition, int32_t nSide,
    int32_t nQtd, int32_t nAgent, int64_t nOfferID /* §9.1.5: Int64 as in the vendor code */,
    double dPrice, int32_t bHasPrice, int32_t bHasQtd, int32_t bHasDate, int32_t bHasOfferID,
    int32_t bHasAgent, const PDLL_WCHAR *pwcDate, void *pArraySell, void *pArrayBuy);
typedef void (PDLL_STDCALL *TChangeStateTicker)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, const PDLL_WCHAR *pwcDate, int32_t nState);

/* §4.3 legacy routing (DLLInitializeLogin parameters). */
typedef void (PDLL_STDCALL *TAccountCallback)(
    int32_t nCorretora, const PDLL_WCHAR *CorretoraNomeCompleto, const PDLL_WCHAR *AccountID,
    const PDLL_WCHAR *NomeTitular);
typedef void (PDLL_STDCALL *TOrderChangeCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, int32_t nCorretora, int32_t nQtd, int32_t nTradedQtd,
    int32_t nLeavesQtd, int32_t nSide, double dPrice, double dStopPrice, double dAvgPrice,
    int64_t nProfitID, const PDLL_WCHAR *TipoOrdem, const PDLL_WCHAR *Conta,
    const PDLL_WCHAR *Titular, const PDLL_WCHAR *ClOrdID, const PDLL_WCHAR *Status,
    const PDLL_WCHAR *Date, const PDLL_WCHAR *TextMessage);
typedef void (PDLL_STDCALL *THistoryCallback)(
    PDLL_RECORD_ARG(TAssetIDRec) rAssetID, int32_t nCorretora, int32_t nQtd, int32_t nTradedQtd,
    int32_t nLeavesQtd, int32_t nSide, double dPrice, double dStopPrice, double dAvgPrice,
    int64_t nProfitID, const PDLL_WCHAR *TipoOrdem, const PDLL_WCHAR *Conta,
    const PDLL_WCHAR *Titular, const PDLL_WCHAR *ClOrdID, const PDLL_WCHAR *Status,
    const PDLL_WCHAR *Date);

/* §4.4 modern callbacks. */
typedef void (PDLL_STDCALL *TConnectorTradeCallback)(
    PDLL_RECORD_ARG(TConnectorAssetIdentifier) a_Asset, const void *a_pTrade, uint32_t a_nFlags);
typedef void (PDLL_STDCALL *TConnectorPriceDepthCallback)(
    PDLL_RECORD_ARG(TConnectorAssetIdentifier) a_AssetID, uint8_t a_Side, int32_t a_nPosition,
    uint8_t a_UpdateType);
typedef void (PDLL_STDCALL *TConnectorOrderCallback)(PDLL_RECORD_ARG(TConnectorOrderIdentifier) a_OrderID);
typedef void (PDLL_STDCALL *TConnectorAccountCallback)(PDLL_RECORD_ARG(TConnectorAccountIdentifier) a_AccountID);
typedef void (PDLL_STDCALL *TConnectorTradingMessageResultCallback)(const TConnectorTradingMessageResult *a_pResult);
typedef void (PDLL_STDCALL *TInvalidTickerCallback)(PDLL_RECORD_ARG(TConnectorAssetIdentifier) a_AssetID);
/* Enumerator: return nonzero to continue, 0 to stop. */
typedef PDLL_BOOL (PDLL_STDCALL *TConnectorEnumerateOrdersProc)(const TConnectorOrder *a_Order, PDLL_LPARAM a_Param);
/* 4.0.0.28: position and account-list notifications. */
typedef void (PDLL_STDCALL *TConnectorAssetPositionListCallback)(
    PDLL_RECORD_ARG(TConnectorAccountIdentifier) AccountID, PDLL_RECORD_ARG(TConnectorAssetIdentifier) AssetID,
    int64_t EventID);                            /* Ticker u"-1": the whole list changed */
typedef void (PDLL_STDCALL *TConnectorBrokerAccountListCallback)(int32_t BrokerID, uint32_t Changed);
/* one parameter in the current sources; older manuals had a leading BrokerID (§9.1.6) */
typedef void (PDLL_STDCALL *TConnectorBrokerSubAccountListCallback)(PDLL_RECORD_ARG(TConnectorAccountIdentifier) a_AccountID);
/* Enumerator: return nonzero to continue, 0 to stop. */
typedef PDLL_BOOL (PDLL_STDCALL *TConnectorEnumerateAssetProc)(PDLL_RECORD_ARG(TConnectorAssetIdentifier) a_Asset,
    PDLL_LPARAM a_Param);

/* ---------------------------------------------------------------- §5 exported functions */

/* §5.1 lifecycle */
PDLL_EXPORT NResult PDLL_STDCALL DLLInitializeLogin(
    const PDLL_WCHAR *pwcActivationKey, const PDLL_WCHAR *pwcUser, const PDLL_WCHAR *pwcPassword,
    TStateCallback StateCallback, THistoryCallback HistoryCallback,
    TOrderChangeCallback OrderChangeCallback, TAccountCallback AccountCallback,
    TNewTradeCallback NewTradeCallback, TNewDailyCallback NewDailyCallback,
    TPriceBookCallback PriceBookCallback, TOfferBookCallback OfferBookCallback,
    THistoryTradeCallback HistoryTradeCallback, TProgressCallback ProgressCallback,
    TTinyBookCallback TinyBookCallback);
PDLL_EXPORT NResult PDLL_STDCALL DLLInitializeMarketLogin(
    const PDLL_WCHAR *pwcActivationKey, const PDLL_WCHAR *pwcUser, const PDLL_WCHAR *pwcPassword,
    TStateCallback StateCallback, TNewTradeCallback NewTradeCallback,
    TNewDailyCallback NewDailyCallback, TPriceBookCallback PriceBookCallback,
    TOfferBookCallback OfferBookCallback, THistoryTradeCallback HistoryTradeCallback,
    TProgressCallback ProgressCallback, TTinyBookCallback TinyBookCallback);
PDLL_EXPORT NResult PDLL_STDCALL DLLFinalize(void);
/* dtDate: Delphi TDateTime (days since 1899-12-30, fraction = time of day). */
PDLL_EXPORT NResult PDLL_STDCALL GetServerClock(double *dtDate, int32_t *nYear, int32_t *nMonth,
    int32_t *nDay, int32_t *nHour, int32_t *nMin, int32_t *nSec, int32_t *nMilisec);
PDLL_EXPORT NResult PDLL_STDCALL GetHealthStatus(int32_t *nState);
/* §5.8: exported, used by every example; the second parameter is the size in bytes. */
PDLL_EXPORT NResult PDLL_STDCALL FreePointer(void *pPointer, int32_t nSize);
PDLL_EXPORT NResult PDLL_STDCALL SetStateCallback(TStateCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetHealthCallback(TSystemHealthCallback a_Callback);

/* §5.2 market data */
PDLL_EXPORT NResult PDLL_STDCALL SubscribeTicker(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa);
PDLL_EXPORT NResult PDLL_STDCALL UnsubscribeTicker(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa);
/* Dates "DD/MM/YYYY HH:mm:SS" (§2.5). */
PDLL_EXPORT NResult PDLL_STDCALL GetHistoryTrades(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa,
    const PDLL_WCHAR *dtDateStart, const PDLL_WCHAR *dtDateEnd);
PDLL_EXPORT NResult PDLL_STDCALL TranslateTrade(const void *a_pTrade, TConnectorTrade *a_Trade);
PDLL_EXPORT NResult PDLL_STDCALL SubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
PDLL_EXPORT NResult PDLL_STDCALL UnsubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
PDLL_EXPORT NResult PDLL_STDCALL GetPriceDepthSideCount(const TConnectorAssetIdentifier *a_pAssetID, uint8_t a_nSide);
PDLL_EXPORT NResult PDLL_STDCALL GetPriceGroup(const TConnectorAssetIdentifier *a_pAssetID, uint8_t a_nSide,
    int32_t a_nPosition, TConnectorPriceGroup *a_pPrice);

/* §5.3 callback setters */
PDLL_EXPORT NResult PDLL_STDCALL SetTradeCallbackV2(TConnectorTradeCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetHistoryTradeCallbackV2(TConnectorTradeCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetSerieProgressCallback(TProgressCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetPriceDepthCallback(TConnectorPriceDepthCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetInvalidTickerCallback(TInvalidTickerCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetChangeStateTickerCallback(TChangeStateTicker a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetOrderCallback(TConnectorOrderCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetOrderHistoryCallback(TConnectorAccountCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetTradingMessageResultCallback(TConnectorTradingMessageResultCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetAssetPositionListCallback(TConnectorAssetPositionListCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetBrokerAccountListChangedCallback(TConnectorBrokerAccountListCallback a_Callback);
PDLL_EXPORT NResult PDLL_STDCALL SetBrokerSubAccountListChangedCallback(TConnectorBrokerSubAccountListCallback a_Callback);

/* §5.4 routing (struct API) */
PDLL_EXPORT int64_t PDLL_STDCALL SendOrder(const TConnectorSendOrder *a_SendOrder);
PDLL_EXPORT NResult PDLL_STDCALL SendChangeOrderV2(const TConnectorChangeOrder *a_ChangeOrder);
PDLL_EXPORT NResult PDLL_STDCALL SendCancelOrderV2(const TConnectorCancelOrder *a_CancelOrder);
PDLL_EXPORT NResult PDLL_STDCALL SendCancelOrdersV2(const TConnectorCancelOrders *a_CancelOrders);
PDLL_EXPORT NResult PDLL_STDCALL SendCancelAllOrdersV2(const TConnectorCancelAllOrders *a_CancelOrder);
PDLL_EXPORT int64_t PDLL_STDCALL SendZeroPositionV2(const TConnectorZeroPosition *a_ZeroPosition);

/* §5.5 accounts */
PDLL_EXPORT NResult PDLL_STDCALL GetAccountCount(void);
PDLL_EXPORT NResult PDLL_STDCALL GetAccounts(int32_t a_nStartSource, int32_t a_nStartDest, int32_t a_nCount,
    TConnectorAccountIdentifierOut *a_arAccounts);
PDLL_EXPORT NResult PDLL_STDCALL GetAccountDetails(TConnectorTradingAccountOut *a_Account);
PDLL_EXPORT NResult PDLL_STDCALL GetAccountCountByBroker(int32_t a_nBrokerID);
PDLL_EXPORT NResult PDLL_STDCALL GetAccountsByBroker(int32_t a_nBrokerID, int32_t a_nStartSource, int32_t a_nStartDest,
    int32_t a_nCount, TConnectorAccountIdentifierOut *a_arAccounts);
PDLL_EXPORT NResult PDLL_STDCALL GetSubAccountCount(const TConnectorAccountIdentifier *a_MasterAccountID);
PDLL_EXPORT NResult PDLL_STDCALL GetSubAccounts(const TConnectorAccountIdentifier *a_MasterAccountID,
    int32_t a_nStartSource, int32_t a_nStartDest, int32_t a_nCount, TConnectorAccountIdentifierOut *a_arAccounts);

/* §5.6 positions */
PDLL_EXPORT NResult PDLL_STDCALL GetPositionV2(TConnectorTradingAccountPosition *a_Position);
/* Synchronous: a_Callback runs on the calling thread once per asset with a position; NL_OK when done. */
PDLL_EXPORT NResult PDLL_STDCALL EnumerateAllPositionAssets(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_AssetVersion, PDLL_LPARAM a_Param, TConnectorEnumerateAssetProc a_Callback);

/* §5.7 orders: queries and history */
PDLL_EXPORT NResult PDLL_STDCALL GetOrderDetails(TConnectorOrderOut *a_Order);
PDLL_EXPORT NResult PDLL_STDCALL HasOrdersInInterval(const TConnectorAccountIdentifier *a_AccountID,
    PDLL_RECORD_ARG(TSystemTime) a_dtStart, PDLL_RECORD_ARG(TSystemTime) a_dtEnd);
PDLL_EXPORT NResult PDLL_STDCALL EnumerateAllOrders(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_OrderVersion, PDLL_LPARAM a_Param, TConnectorEnumerateOrdersProc a_Callback);
/* Synchronous, times respected; NL_WAITING_SERVER (as HasOrdersInInterval) while the history is not loaded. */
PDLL_EXPORT NResult PDLL_STDCALL EnumerateOrdersByInterval(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_OrderVersion, PDLL_RECORD_ARG(TSystemTime) a_dtStart, PDLL_RECORD_ARG(TSystemTime) a_dtEnd,
    PDLL_LPARAM a_Param, TConnectorEnumerateOrdersProc a_Callback);

#ifdef __cplusplus
}
#endif

#endif /* BLACKBOX_PROFITDLL_H */
