package org.abilayout.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --format} values, spelled in lower case on the command line. */
enum OutputFormat {
    TEXT, JSON;

    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : values()) {
                if (f.name().equalsIgnoreCase(value)) return f;
            }
            throw new TypeConversionException("'" + value + "' is not a format: use text or json");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
