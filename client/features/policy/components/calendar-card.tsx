import { format } from "date-fns";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";

const formatHoliday = (date: string) => format(new Date(`${date}T12:00:00Z`), "EEE d MMM yyyy");

/** The store's calendar: every deadline is computed in this zone, working days skip weekends and these dates. */
export function CalendarCard({ timeZone, holidays }: { timeZone: string; holidays: readonly string[] }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Calendar</CardTitle>
        <CardDescription className="text-xs">Deadlines run in the store's time zone; working days skip weekends and holidays.</CardDescription>
      </CardHeader>
      <CardContent className="px-4 text-sm">
        <dl className="grid gap-3">
          <div>
            <dt className="text-xs text-muted-foreground">Time zone</dt>
            <dd className="font-medium">{timeZone}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Holidays</dt>
            <dd>
              {holidays.length === 0 ? (
                <span className="text-muted-foreground">None</span>
              ) : (
                <ul className="mt-1 grid gap-1 tabular-nums">
                  {holidays.map((h) => (
                    <li key={h}>
                      <time dateTime={h}>{formatHoliday(h)}</time>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
