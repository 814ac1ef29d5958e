/**
 * England and Wales bank holidays, copied from shared/data/bank-holidays-england-and-wales.json
 * (GOV.UK bank holidays (published dates; Open Government Licence)).
 * 2022 to 2026 as published; 2027 and 2028 follow the usual rules (substitute days for weekends) and must be
 * checked against the published list. Data, not code: add each new year from GOV.UK's list when it is published.
 */
export interface BankHoliday {
  readonly date: string;
  readonly title: string;
}

/** The first and last years the list covers; working days outside them cannot be counted. */
export const bankHolidayYears = { first: 2022, last: 2028 } as const;

export const bankHolidaysEnglandAndWales: readonly BankHoliday[] = [
  { date: '2022-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2022-04-15', title: 'Good Friday' },
  { date: '2022-04-18', title: 'Easter Monday' },
  { date: '2022-05-02', title: 'Early May bank holiday' },
  { date: '2022-06-02', title: 'Spring bank holiday' },
  { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { date: '2022-08-29', title: 'Summer bank holiday' },
  { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2022-12-26', title: 'Boxing Day' },
  { date: '2022-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2023-01-02', title: 'New Year’s Day (substitute day)' },
  { date: '2023-04-07', title: 'Good Friday' },
  { date: '2023-04-10', title: 'Easter Monday' },
  { date: '2023-05-01', title: 'Early May bank holiday' },
  { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
  { date: '2023-05-29', title: 'Spring bank holiday' },
  { date: '2023-08-28', title: 'Summer bank holiday' },
  { date: '2023-12-25', title: 'Christmas Day' },
  { date: '2023-12-26', title: 'Boxing Day' },
  { date: '2024-01-01', title: 'New Year’s Day' },
  { date: '2024-03-29', title: 'Good Friday' },
  { date: '2024-04-01', title: 'Easter Monday' },
  { date: '2024-05-06', title: 'Early May bank holiday' },
  { date: '2024-05-27', title: 'Spring bank holiday' },
  { date: '2024-08-26', title: 'Summer bank holiday' },
  { date: '2024-12-25', title: 'Christmas Day' },
  { date: '2024-12-26', title: 'Boxing Day' },
  { date: '2025-01-01', title: 'New Year’s Day' },
  { date: '2025-04-18', title: 'Good Friday' },
  { date: '2025-04-21', title: 'Easter Monday' },
  { date: '2025-05-05', title: 'Early May bank holiday' },
  { date: '2025-05-26', title: 'Spring bank holiday' },
  { date: '2025-08-25', title: 'Summer bank holiday' },
  { date: '2025-12-25', title: 'Christmas Day' },
  { date: '2025-12-26', title: 'Boxing Day' },
  { date: '2026-01-01', title: 'New Year’s Day' },
  { date: '2026-04-03', title: 'Good Friday' },
  { date: '2026-04-06', title: 'Easter Monday' },
  { date: '2026-05-04', title: 'Early May bank holiday' },
  { date: '2026-05-25', title: 'Spring bank holiday' },
  { date: '2026-08-31', title: 'Summer bank holiday' },
  { date: '2026-12-25', title: 'Christmas Day' },
  { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
  { date: '2027-01-01', title: 'New Year’s Day' },
  { date: '2027-03-26', title: 'Good Friday' },
  { date: '2027-03-29', title: 'Easter Monday' },
  { date: '2027-05-03', title: 'Early May bank holiday' },
  { date: '2027-05-31', title: 'Spring bank holiday' },
  { date: '2027-08-30', title: 'Summer bank holiday' },
  { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', title: 'Boxing Day (substitute day)' },
  { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', title: 'Good Friday' },
  { date: '2028-04-17', title: 'Easter Monday' },
  { date: '2028-05-01', title: 'Early May bank holiday' },
  { date: '2028-05-29', title: 'Spring bank holiday' },
  { date: '2028-08-28', title: 'Summer bank holiday' },
  { date: '2028-12-25', title: 'Christmas Day' },
  { date: '2028-12-26', title: 'Boxing Day' },
];
