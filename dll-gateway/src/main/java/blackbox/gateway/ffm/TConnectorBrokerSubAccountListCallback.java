// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * A master account's sub-account list changed ({@code SetBrokerSubAccountListChangedCallback}, 4.0.0.28; one
 * parameter in the current sources, profitdll-api.md §9.1.6).
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*TConnectorBrokerSubAccountListCallback)(PDLL_RECORD_ARG(TConnectorAccountIdentifier) a_AccountID);
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorBrokerSubAccountListCallback {

    TConnectorBrokerSubAccountListCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment a_AccountID);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TConnectorBrokerSubAccountListCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TConnectorBrokerSubAccountListCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment a_AccountID) {
        try {
            DOWN$MH.invokeExact(funcPtr, a_AccountID);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
