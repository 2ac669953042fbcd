"""Actions for vacancies: the search form, results per channel, paging, saving."""
