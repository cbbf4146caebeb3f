package org.termcurator.core.curate.trainer;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Jinjava's expression resolver plus the Python string methods chat templates call
 * ({@code startswith}, {@code endswith}, {@code split}, {@code strip}, {@code lstrip},
 * {@code rstrip}, {@code upper}, {@code lower}, {@code replace}), with Python's meaning: strip
 * with no argument strips whitespace, with one strips any of its characters.
 */
final class PythonStrings extends ELResolver {

    private final ELResolver delegate = JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE;

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof String text && method instanceof String name) {
            Object[] args = params == null ? new Object[0] : params;
            Object result = call(text, name, args);
            if (result != NO_METHOD) {
                context.setPropertyResolved(true);
                return result;
            }
        }
        return delegate.invoke(context, base, method, paramTypes, params);
    }

    private static final Object NO_METHOD = new Object();

    private static Object call(String text, String name, Object[] args) {
        return switch (name) {
            case "startswith" -> args.length == 1 ? text.startsWith(String.valueOf(args[0])) : NO_METHOD;
            case "endswith" -> args.length == 1 ? text.endsWith(String.valueOf(args[0])) : NO_METHOD;
            case "strip" -> rstrip(lstrip(text, chars(args)), chars(args));
            case "lstrip" -> lstrip(text, chars(args));
            case "rstrip" -> rstrip(text, chars(args));
            case "upper" -> text.toUpperCase(java.util.Locale.ROOT);
            case "lower" -> text.toLowerCase(java.util.Locale.ROOT);
            case "replace" -> args.length == 2 ? text.replace(String.valueOf(args[0]), String.valueOf(args[1])) : NO_METHOD;
            case "split" -> split(text, args);
            default -> NO_METHOD;
        };
    }

    private static String chars(Object[] args) {
        return args.length == 0 || args[0] == null ? null : String.valueOf(args[0]);
    }

    private static String lstrip(String text, String chars) {
        int start = 0;
        while (start < text.length() && strips(text.charAt(start), chars)) {
            start++;
        }
        return text.substring(start);
    }

    private static String rstrip(String text, String chars) {
        int end = text.length();
        while (end > 0 && strips(text.charAt(end - 1), chars)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean strips(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static List<String> split(String text, Object[] args) {
        List<String> parts = new ArrayList<>();
        if (args.length == 0 || args[0] == null) {
            for (String part : text.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return parts;
        }
        String separator = String.valueOf(args[0]);
        int from = 0;
        int at;
        while ((at = text.indexOf(separator, from)) >= 0) {
            parts.add(text.substring(from, at));
            from = at + separator.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return delegate.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        delegate.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return delegate.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return delegate.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }
}
