/**
 * Clari forecasts made compact for a forecast call ({@link io.revops.core.forecast.ForecastService}),
 * with a time-limited cache and single flight in front of Clari's quota-spending exports, and the org's
 * export capacity; plus {@link io.revops.core.forecast.QuarterPeriod}, the quarter names people type.
 */
package io.revops.core.forecast;
