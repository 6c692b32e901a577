/**
 * A Date whose "local" fields are its UTC fields, so date-fns' `parse` can
 * build the wall time a page prints with no time zone in play. The zone's
 * offset is applied once afterwards (pipeline/dates): parsing straight into a
 * TZDate re-derives the offset through Intl on every field it sets, which
 * made dates most of the cost of cleaning a page. Unlike the machine's own
 * zone, UTC has no daylight-saving gaps to shift a printed time.
 */
export class WallClock extends Date {
  /** date-fns builds new dates of the same kind through this. */
  [Symbol.for('constructDateFrom')](value: number | string | Date): WallClock {
    return new WallClock(new Date(value).getTime());
  }

  override getTimezoneOffset(): number {
    return 0;
  }

  override getFullYear(): number {
    return this.getUTCFullYear();
  }

  override getMonth(): number {
    return this.getUTCMonth();
  }

  override getDate(): number {
    return this.getUTCDate();
  }

  override getDay(): number {
    return this.getUTCDay();
  }

  override getHours(): number {
    return this.getUTCHours();
  }

  override getMinutes(): number {
    return this.getUTCMinutes();
  }

  override getSeconds(): number {
    return this.getUTCSeconds();
  }

  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }

  override setFullYear(...args: [number, number?, number?]): number {
    return this.setUTCFullYear(...(args as [number]));
  }

  override setMonth(...args: [number, number?]): number {
    return this.setUTCMonth(...(args as [number]));
  }

  override setDate(date: number): number {
    return this.setUTCDate(date);
  }

  override setHours(...args: [number, number?, number?, number?]): number {
    return this.setUTCHours(...(args as [number]));
  }

  override setMinutes(...args: [number, number?, number?]): number {
    return this.setUTCMinutes(...(args as [number]));
  }

  override setSeconds(...args: [number, number?]): number {
    return this.setUTCSeconds(...(args as [number]));
  }

  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}
