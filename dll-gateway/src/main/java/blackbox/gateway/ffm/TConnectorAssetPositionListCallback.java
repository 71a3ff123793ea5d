// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * The position of an account in an asset changed ({@code SetAssetPositionListCallback}, 4.0.0.28); a ticker of
 * {@code "-1"} means the account's whole list changed. {@code EventID} relates to {@code GetPositionV2}'s.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*TConnectorAssetPositionListCallback)(PDLL_RECORD_ARG(TConnectorAccountIdentifier) AccountID,
 *     PDLL_RECORD_ARG(TConnectorAssetIdentifier) AssetID, int64_t EventID);
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorAssetPositionListCallback {

    TConnectorAssetPositionListCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment AccountID, MemorySegment AssetID, long EventID);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_LONG_LONG
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TConnectorAssetPositionListCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TConnectorAssetPositionListCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment AccountID, MemorySegment AssetID, long EventID) {
        try {
            DOWN$MH.invokeExact(funcPtr, AccountID, AssetID, EventID);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
