// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * Legacy order history entry (deprecated); as {@link TOrderChangeCallback} without {@code TextMessage}.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*THistoryCallback)( PDLL_RECORD_ARG(TAssetIDRec) rAssetID,
 *     int32_t nCorretora,
 *     int32_t nQtd,
 *     int32_t nTradedQtd,
 *     int32_t nLeavesQtd,
 *     int32_t nSide,
 *     double dPrice,
 *     double dStopPrice,
 *     double dAvgPrice,
 *     int64_t nProfitID,
 *     const PDLL_WCHAR *TipoOrdem,
 *     const PDLL_WCHAR *Conta,
 *     const PDLL_WCHAR *Titular,
 *     const PDLL_WCHAR *ClOrdID,
 *     const PDLL_WCHAR *Status,
 *     const PDLL_WCHAR *Date);
 * }
 */
@SuppressWarnings("restricted")
public class THistoryCallback {

    THistoryCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment rAssetID, int nCorretora, int nQtd, int nTradedQtd, int nLeavesQtd, int nSide, double dPrice, double dStopPrice, double dAvgPrice, long nProfitID, MemorySegment TipoOrdem, MemorySegment Conta, MemorySegment Titular, MemorySegment ClOrdID, MemorySegment Status, MemorySegment Date);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_LONG_LONG,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(THistoryCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(THistoryCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment rAssetID, int nCorretora, int nQtd, int nTradedQtd, int nLeavesQtd, int nSide, double dPrice, double dStopPrice, double dAvgPrice, long nProfitID, MemorySegment TipoOrdem, MemorySegment Conta, MemorySegment Titular, MemorySegment ClOrdID, MemorySegment Status, MemorySegment Date) {
        try {
            DOWN$MH.invokeExact(funcPtr, rAssetID, nCorretora, nQtd, nTradedQtd, nLeavesQtd, nSide, dPrice, dStopPrice, dAvgPrice, nProfitID, TipoOrdem, Conta, Titular, ClOrdID, Status, Date);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
