package io.revops.mcp.fakes;

import static io.revops.mcp.fakes.Routes.json;
import static io.revops.mcp.fakes.Routes.q;

import mockwebserver3.MockResponse;

/** Clari answers shaped as in the notes (clari-api.md) for a small healthy org, under base path {@code /v4}. */
public final class FakeClari {
  public static final String TOKEN = "clari-fake-token-never-shown";
  public static final String FORECAST_ID = "net_arr";
  public static final String JOB_ID = "6073683781a6da229df71e00";

  public static final String LIMITS = q("{'jobs':{'concurrentLimit':2,'monthlyQuota':100,'availableConcurrentLimit':2,"
      + "'availableMonthlyQuota':96,'runningJobIds':[],'submittedJobIds':['a','b','c','d']}}");

  public static final String FORECAST = q("{'entries':["
      + "{'userId':'u-vera','fieldId':'f-commit','timePeriodId':'2026_Q2','timeFrameId':'w13','forecastValue':200000,"
      + "'currency':{'code':'USD','symbol':'$'}},"
      + "{'userId':'u-vera','fieldId':'f-quota','timePeriodId':'2026_Q2','timeFrameId':'w13','quotaValue':250000,"
      + "'currency':{'code':'USD','symbol':'$'}},"
      + "{'userId':'u-bob','fieldId':'f-commit','timePeriodId':'2026_Q2','timeFrameId':'w13','forecastValue':125000,"
      + "'currency':{'code':'USD','symbol':'$'}},"
      + "{'userId':'u-bob','fieldId':'f-quota','timePeriodId':'2026_Q2','timeFrameId':'w13','quotaValue':100000,"
      + "'currency':{'code':'USD','symbol':'$'}}],"
      + "'users':[{'userId':'u-vera','name':'Vera VP','hierarchyId':'h-vera','hierarchyName':'Sales'},"
      + "{'userId':'u-bob','name':'Bob Manager','hierarchyId':'h-bob','hierarchyName':'West','parentHierarchyId':'h-vera'}],"
      + "'fields':[{'fieldId':'f-commit','fieldName':'Commit','fieldType':'forecast'},"
      + "{'fieldId':'f-quota','fieldName':'Quota','fieldType':'quota'}],"
      + "'timePeriods':[{'timePeriodId':'2026_Q2','type':'quarter','label':'Q2 2026','year':'2026',"
      + "'startDate':'2026-04-01','endDate':'2026-06-30'}],"
      + "'timeFrames':[{'timeFrameId':'w13','startDate':'2026-06-24','endDate':'2026-06-30'}]}");

  private FakeClari() {
  }

  /** A healthy org: limits, the one-request forecast read for {@value #FORECAST_ID}, opportunity insights. */
  public static Routes healthy() {
    return new Routes()
        .on("GET", "/v4/admin/limits", json(200, LIMITS))
        .on("GET", "/v4/forecast/" + FORECAST_ID, json(200, FORECAST))
        .on("GET", "/v4/opportunity", request -> true, request -> json(200, insights(request.getUrl().queryParameter("oppId"))));
  }

  /** Clari's {@code GET /opportunity} answer for a comma-separated id list. */
  static String insights(String ids) {
    StringBuilder out = new StringBuilder("[");
    if (ids != null) {
      for (String id : ids.split(",")) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append(q("{'id':'" + id + "','crmScore':{'score':71,'message':'Healthy'},'fields':[{'id':"
            + "'opportunity.amount','alias':'Amount','value':50000,'trend':'up','trendHistory':[{'oldValue':{'v':45000},"
            + "'newValue':{'v':50000},'date':1777593600000}]}]}"));
      }
    }
    return out.append(']').toString();
  }

  /** An answer with an HTTP error in Clari's export error shape. */
  public static MockResponse error(int code, String errorCode, String message) {
    return json(code, q("{'code':'" + errorCode + "','namespace':'exports','errorId':'e-1','message':'" + message + "'}"));
  }
}
