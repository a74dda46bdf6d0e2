package io.tenantconfig.server.environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.server.environment.EnvironmentController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers a config request that {@link ConfigAnswerCache} does not hold (a cache miss) by calling Spring Cloud
 * Config's {@link EnvironmentController} itself and writing its {@link Environment} with the application's own JSON
 * converter, without the rest of Spring MVC's request handling (a quarter of a miss's CPU in the benchmark profile).
 * <p>
 * Spring MVC still decides: the request is routed by the dispatcher's own handler mappings, and only when they pick
 * one of the controller's two plain JSON methods, for a request without {@code Origin} (CORS) and with an
 * {@code Accept} that can only mean {@code application/json}, and only while the application has no
 * {@code ResponseBodyAdvice} (which may rewrite any body), is the controller called here, with the interceptors of
 * the chain MVC picked run around it as the dispatcher runs them. Everything else is left to the normal chain. A
 * failure (unknown label, access denied, database down ...) is answered by the application's exception
 * resolvers, as the dispatcher would, so the backend is asked only once.
 */
class ConfigAnswerWriter {

    /** {@code Accept} values for which the controller's {@code produces = application/json} is the only answer. */
    private static final Set<String> PLAIN_JSON_ACCEPT = Set.of("*/*", MediaType.APPLICATION_JSON_VALUE);

    private final ObjectProvider<DispatcherServlet> dispatcher;

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    private final HandlerExceptionResolver exceptionResolver;

    private final ObjectProvider<ResponseBodyAdvice<?>> bodyAdvice;

    private volatile HttpMessageConverter<Object> json;

    private volatile List<HandlerMapping> dispatcherMappings;

    /** Decided once all beans exist: an application's {@link ResponseBodyAdvice} may rewrite any body. */
    private volatile Boolean bodyAdvised;

    ConfigAnswerWriter(ObjectProvider<DispatcherServlet> dispatcher, ObjectProvider<RequestMappingHandlerAdapter> adapter,
            HandlerExceptionResolver exceptionResolver, ObjectProvider<ResponseBodyAdvice<?>> bodyAdvice) {
        this.dispatcher = dispatcher;
        this.adapter = adapter;
        this.exceptionResolver = exceptionResolver;
        this.bodyAdvice = bodyAdvice;
    }

    /** A written answer; {@code body} holds exactly the bytes the controller's JSON method answers through MVC. */
    record Written(String contentType, byte[] body, String pattern) {

        /** The response is complete and has nothing to keep: a failure answered, or an interceptor answered. */
        static final Written ANSWERED_WITHOUT_BODY = new Written(null, null, null);
    }

    /**
     * Answers this request if MVC routes it to the controller's plain JSON method for {@code application}:
     * the written answer, or {@link Written#ANSWERED_WITHOUT_BODY} when the controller failed and the
     * application's exception handlers answered that, or an interceptor answered instead of the controller (as
     * {@code DispatcherServlet} would: same interceptors, resolvers and handler). Returns {@code null}, with
     * nothing written, for any other request; the caller hands it to the normal chain.
     */
    Written write(HttpServletRequest request, HttpServletResponse response, String application)
            throws ServletException {
        if (request.getHeader(HttpHeaders.ORIGIN) != null || bodyAdvised()) {
            return null;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !PLAIN_JSON_ACCEPT.contains(accept)) {
            return null;
        }
        HttpMessageConverter<Object> converter = jsonConverter();
        HandlerExecutionChain chain = route(request);
        if (converter == null || chain == null || !(chain.getHandler() instanceof HandlerMethod handler)
                || !(handler.getBean() instanceof EnvironmentController controller)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)
                || !application.equals(vars.get("name"))) {
            return null;
        }
        String name = (String) vars.get("name");
        String profiles = (String) vars.get("profiles");
        String method = handler.getMethod().getName();
        if (!method.equals("defaultLabel") && !method.equals("labelled")) {
            return null;
        }
        List<HandlerInterceptor> interceptors = chain.getInterceptorList();
        int preHandled = 0;
        Exception unresolved = null;
        try {
            for (HandlerInterceptor interceptor : interceptors) {
                if (!interceptor.preHandle(request, response, handler)) {
                    return Written.ANSWERED_WITHOUT_BODY;
                }
                preHandled++;
            }
            Environment environment = method.equals("labelled")
                    ? controller.labelled(name, profiles, (String) vars.get("label"))
                    : controller.defaultLabel(name, profiles);
            for (int i = interceptors.size() - 1; i >= 0; i--) {
                interceptors.get(i).postHandle(request, response, handler, null);
            }
            return new Written(MediaType.APPLICATION_JSON_VALUE, serialize(converter, environment),
                    String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)));
        }
        catch (Exception failure) {
            if (resolve(request, response, handler, failure)) {
                return Written.ANSWERED_WITHOUT_BODY;
            }
            unresolved = failure;
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ServletException(failure);
        }
        finally {
            for (int i = preHandled - 1; i >= 0; i--) {
                afterCompletion(interceptors.get(i), request, response, handler, unresolved);
            }
        }
    }

    /**
     * As {@code DispatcherServlet.processHandlerException}: the application's exception resolvers answer the
     * failure, or it is left to the container's error handling (unresolved, or resolved to a view to render).
     */
    private boolean resolve(HttpServletRequest request, HttpServletResponse response, HandlerMethod handler,
            Exception failure) {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setError(failure));
        // an error answer need not have the success's content type
        request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        ModelAndView resolved = exceptionResolver.resolveException(request, response, handler, failure);
        if (resolved == null || !resolved.isEmpty()) {
            return false;
        }
        request.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, failure);
        return true;
    }

    private static void afterCompletion(HandlerInterceptor interceptor, HttpServletRequest request,
            HttpServletResponse response, Object handler, Exception failure) {
        try {
            interceptor.afterCompletion(request, response, handler, failure);
        }
        catch (Exception ignored) {
            // the dispatcher logs and ignores these too: the answer stands
        }
    }

    /** The chain the dispatcher would pick (first mapping that matches, as {@code DispatcherServlet} does). */
    private HandlerExecutionChain route(HttpServletRequest request) {
        List<HandlerMapping> mappings = handlerMappings();
        if (mappings == null) {
            return null; // the dispatcher initialises on its first request: leave that one to it
        }
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (HandlerMapping mapping : mappings) {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null) {
                    return chain;
                }
            }
            return null;
        }
        catch (Exception notRoutable) {
            return null;
        }
        finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /** The dispatcher's mappings, fixed once it has initialised (looking the servlet up per request is costly). */
    private List<HandlerMapping> handlerMappings() {
        List<HandlerMapping> known = dispatcherMappings;
        if (known == null) {
            DispatcherServlet servlet = dispatcher.getIfAvailable();
            known = servlet == null ? null : servlet.getHandlerMappings();
            dispatcherMappings = known;
        }
        return known;
    }

    private boolean bodyAdvised() {
        Boolean advised = bodyAdvised;
        if (advised == null) {
            advised = bodyAdvice.stream().findAny().isPresent();
            bodyAdvised = advised;
        }
        return advised;
    }

    /** The converter MVC picks for {@code Environment} as {@code application/json}: the first that can write it. */
    @SuppressWarnings("unchecked")
    private HttpMessageConverter<Object> jsonConverter() {
        HttpMessageConverter<Object> known = json;
        if (known == null) {
            RequestMappingHandlerAdapter handlerAdapter = adapter.getIfAvailable();
            if (handlerAdapter == null) {
                return null;
            }
            for (HttpMessageConverter<?> candidate : handlerAdapter.getMessageConverters()) {
                if (candidate.canWrite(Environment.class, MediaType.APPLICATION_JSON)) {
                    known = (HttpMessageConverter<Object>) candidate;
                    json = known;
                    break;
                }
            }
        }
        return known;
    }

    private static byte[] serialize(HttpMessageConverter<Object> converter, Environment environment) {
        BufferedMessage message = new BufferedMessage();
        try {
            converter.write(environment, MediaType.APPLICATION_JSON, message);
        }
        catch (IOException impossible) {
            throw new IllegalStateException("writing to memory failed", impossible);
        }
        return message.body.toByteArray();
    }

    private static final class BufferedMessage implements HttpOutputMessage {

        final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);

        final HttpHeaders headers = new HttpHeaders();

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
