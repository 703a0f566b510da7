/**
 * Release coordination between agencies (政府信息发布协调制度 一–四). The office asks another agency in writing to confirm
 * what an item says about it: an agency on the platform answers in its own workbench, an outside agency's letter is
 * entered by hand with its scan. The answer is due in 10 working days (urgent: the same working day); a disagreement
 * goes to the city's disclosure authority, whose office decides for both. While a coordination is open or disputed, or
 * when the authority decided against publishing, the item's publication is refused ({@link
 * cn.gongkai.coordination.CoordinationGate}). The items themselves belong to the document module, which supplies them
 * through {@link cn.gongkai.coordination.CoordinatedItems}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Release coordination")
package cn.gongkai.coordination;
