package org.peerboard.export.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.peerboard.export.model.Cells;

/**
 * How a CSV is spelled. {@link #STANDARD}: RFC 4180 (comma, decimal point, ISO-8601 times with
 * their offset), for R, pandas, SPSS and Stata. {@link #EXCEL_IT} ({@code ?dialect=excel-it}): what
 * Excel with Italian settings opens by a double-click: semicolons, decimal commas, times as {@code
 * 2022-07-18 10:15:30} in the workshops' zone. Both start with a byte-order mark.
 */
public enum CsvDialect {
  STANDARD,
  EXCEL_IT;

  /** The dialect a request asked for ({@code excel-it} or {@code standard}); absent: standard. */
  public static CsvDialect of(String asked) {
    return "excel-it".equals(asked) ? EXCEL_IT : STANDARD;
  }

  /** Whether a request's {@code dialect} names one. */
  public static boolean known(String asked) {
    return "excel-it".equals(asked) || "standard".equals(asked);
  }

  public CSVFormat format() {
    return this == EXCEL_IT
        ? CSVFormat.RFC4180.builder().setDelimiter(';').get()
        : CSVFormat.RFC4180;
  }

  public String decimal(Number value) {
    if (this == STANDARD) {
      return String.valueOf(value);
    }
    DecimalFormat format =
        new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ITALY));
    format.setGroupingUsed(false);
    return format.format(value.doubleValue());
  }

  public String time(OffsetDateTime time, ZoneId zone) {
    return this == STANDARD
        ? Rows.time(time, zone)
        : time.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
  }

  /**
   * One value as a CSV cell of this dialect: empty for null, times in {@code zone}, decimals in the
   * dialect's spelling, everything else its text; cleaned and made inert (never a formula).
   */
  public String cell(Object value, ZoneId zone) {
    String text =
        value == null
            ? ""
            : value instanceof OffsetDateTime time
                ? time(time, zone)
                : value instanceof Double || value instanceof Float
                    ? decimal((Number) value)
                    : String.valueOf(value);
    return Cells.inert(Cells.clean(text));
  }
}
