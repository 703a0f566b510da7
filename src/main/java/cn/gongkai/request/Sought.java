package cn.gongkai.request;

/** The information sought, how it is to be delivered, and why (optional). 一事一申请. */
record Sought(String title, String documentNumber, String description, String purpose, Delivery delivery) {
}
