package org.termcurator.bench;

/** The {@code --name value} arguments of the benches. */
final class BenchArgs {

    private BenchArgs() {
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Whether a flag without a value is given. */
    static boolean hasArg(String[] args, String name) {
        return java.util.List.of(args).contains(name);
    }
}
