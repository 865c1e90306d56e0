package com.tictactoe.web.guards;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets Payara's HTTP layer (Grizzly) forget a connection once it is closed. When a response is
 * complete, Grizzly puts the connection on its keep-alive queue for the keep-alive timeout and takes
 * it off only when the connection's next request comes: a connection closed after a response, by
 * either side, stays queued with all it holds until that timeout ends (30 s by default). A client
 * that opens and closes connections as fast as it can then fills the heap within seconds, however
 * little each request costs (src/docs/hostile-clients.md).
 *
 * <p>On each listener's first request this registers a probe on the listener's transport; when one
 * of its connections closes, the probe marks the connection's keep-alive record as removed, as
 * Grizzly does itself for a connection's next request, and Grizzly's timer drops the record on its
 * next round (every second). Grizzly is Payara's inside, reached by reflection and named by its
 * classes' names: on a server without it, or a Payara whose inside differs, nothing is registered
 * and the log says so once.
 */
public class ClosedConnections extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClosedConnections.class.getName());

    /** Grizzly's name for the attribute that holds a connection's keep-alive record. */
    static final String KEEP_ALIVE_RECORD = "HttpServerFilter.KeepAliveContext";
    /** The record's time of expiry, and the value that means "not queued". */
    private static final String EXPIRY_FIELD = "keepAliveTimeoutMillis";

    private static final long NOT_QUEUED = -1;

    /** Local ports whose transport has been looked at, whatever came of it. */
    private final Map<Integer, Boolean> portsLookedAt = new ConcurrentHashMap<>();
    /** The probes registered, to take them off when the app is undeployed. */
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    private volatile boolean unavailable;

    private record Registration(Object monitoringConfig, Method removeProbes, Object probes) {}

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!unavailable && !portsLookedAt.containsKey(request.getLocalPort())) {
            watchTransportOf(request);
        }
        chain.doFilter(request, response);
    }

    private synchronized void watchTransportOf(HttpServletRequest request) {
        if (unavailable || portsLookedAt.putIfAbsent(request.getLocalPort(), Boolean.TRUE) != null) {
            return;
        }
        try {
            registrations.add(register(transportOf(request)));
            LOG.info(() -> "Connections closed on port " + request.getLocalPort()
                    + " are taken off Grizzly's keep-alive queue at once");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notGrizzly) {
            unavailable = true;
            LOG.log(
                    Level.INFO,
                    "Not on Payara's Grizzly as this app knows it: closed connections are left to the server ("
                            + notGrizzly + ")");
        }
    }

    @Override
    public void destroy() {
        for (Registration registration : registrations) {
            try {
                registration.removeProbes().invoke(registration.monitoringConfig(), registration.probes());
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not take the closed-connection probe off a transport", e);
            }
        }
        registrations.clear();
    }

    /** The Grizzly transport that carried {@code request}: Payara's request facade, its Grizzly request, its connection's. */
    private static Object transportOf(HttpServletRequest request) throws ReflectiveOperationException {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        Object catalinaRequest = call(unwrapped, "getUnwrappedCoyoteRequest");
        Object grizzlyRequest = call(catalinaRequest, "getCoyoteRequest");
        Object connection = call(grizzlyRequest, "getConnection");
        return call(connection, "getTransport");
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Object result = target.getClass().getMethod(method).invoke(target);
        if (result == null) {
            throw new NoSuchMethodException(
                    method + " gave nothing on " + target.getClass().getName());
        }
        return result;
    }

    private static Registration register(Object transport) throws ReflectiveOperationException {
        ClassLoader grizzly = transport.getClass().getClassLoader();
        Class<?> probeType = Class.forName("org.glassfish.grizzly.ConnectionProbe", false, grizzly);
        Class<?> configType = Class.forName("org.glassfish.grizzly.monitoring.MonitoringConfig", false, grizzly);
        Object probe = Proxy.newProxyInstance(grizzly, new Class<?>[] {probeType}, new OnClose(grizzly));
        Object probes = Array.newInstance(probeType, 1);
        Array.set(probes, 0, probe);
        Object config = Class.forName("org.glassfish.grizzly.Transport", false, grizzly)
                .getMethod("getConnectionMonitoringConfig")
                .invoke(transport);
        configType.getMethod("addProbes", Object[].class).invoke(config, probes);
        return new Registration(config, configType.getMethod("removeProbes", Object[].class), probes);
    }

    /** The probe: on a connection's close, its keep-alive record no longer queued; every other event ignored. */
    private static final class OnClose implements InvocationHandler {

        private final Method getAttributes;
        private final Method getAttribute;
        private volatile Field expiry;
        private volatile boolean failed;

        OnClose(ClassLoader grizzly) throws ReflectiveOperationException {
            getAttributes = Class.forName("org.glassfish.grizzly.attributes.AttributeStorage", false, grizzly)
                    .getMethod("getAttributes");
            getAttribute = Class.forName("org.glassfish.grizzly.attributes.AttributeHolder", false, grizzly)
                    .getMethod("getAttribute", String.class);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "onCloseEvent" -> release(args[0]);
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "closed-connection probe";
                }
                default -> {
                    // reads, writes and the rest: nothing to do
                }
            }
            return null;
        }

        private void release(Object connection) {
            try {
                Object attributes = getAttributes.invoke(connection);
                Object record = attributes == null ? null : getAttribute.invoke(attributes, KEEP_ALIVE_RECORD);
                if (record != null) {
                    expiryOf(record).setLong(record, NOT_QUEUED);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Thrown from here it would break Grizzly's closing of the connection.
                LOG.log(
                        failed ? Level.FINE : Level.WARNING,
                        "Could not release a closed connection's keep-alive record: closed connections stay"
                                + " queued for the keep-alive timeout",
                        e);
                failed = true;
            }
        }

        private Field expiryOf(Object record) throws NoSuchFieldException {
            Field field = expiry;
            if (field == null) {
                field = record.getClass().getDeclaredField(EXPIRY_FIELD);
                field.setAccessible(true);
                expiry = field;
            }
            return field;
        }
    }
}
