package cn.gongkai.request;

import java.time.LocalDate;

/** What the applicant is given on receipt: the tracking number and the query code (shown once), and the dates. */
public record Receipt(String trackingNumber, String queryCode, LocalDate receivedOn, LocalDate dueOn) {
}
