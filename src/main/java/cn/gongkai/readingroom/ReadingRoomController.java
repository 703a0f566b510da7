package cn.gongkai.readingroom;

import cn.gongkai.catalog.CatalogEntry;
import cn.gongkai.catalog.CatalogPage;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 查阅室登记 (OFFICE only): record a visit or a call, search the public catalog for the visitor, print an item or an
 * extract of the catalog.
 */
@Controller
@RequestMapping("/workbench/reading-room")
class ReadingRoomController {

    /** The longest catalog extract printed at once. */
    static final int EXTRACT = 100;

    private final ReadingRoom room;
    private final CatalogSearch catalog;

    ReadingRoomController(ReadingRoom room, CatalogSearch catalog) {
        this.room = room;
        this.catalog = catalog;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String q, Model model) {
        ReadingRoom.requireOffice(me);
        model.addAttribute("form", new VisitForm(room.today(), VisitChannel.IN_PERSON, "", "", "", 0));
        return show(me, q, model, List.of());
    }

    private String show(StaffPrincipal me, String q, Model model, List<VisitForm.Problem> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("channels", VisitChannel.values());
        model.addAttribute("visits", room.latest(me, 50));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank() && q.length() <= 100) {
            CatalogPage hits = catalog.searchWithoutHighlights(new CatalogQuery(me.agencyId(), q.strip(), null, null,
                    null, null, 0, 20, null));
            model.addAttribute("hits", hits);
        }
        return "readingroom/page";
    }

    @PostMapping
    String record(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) LocalDate visitedOn,
            @RequestParam(required = false) VisitChannel channel, @RequestParam(required = false) String sought,
            @RequestParam(required = false) String given, @RequestParam(required = false) String indexNumbers,
            @RequestParam(required = false) Integer printedPagesInput, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        VisitForm form = new VisitForm(visitedOn, channel, sought, given, indexNumbers, printedPagesInput);
        try {
            room.record(me, form);
            flash.addFlashAttribute("notice", "readingRoom.notice.recorded");
            return "redirect:/workbench/reading-room";
        } catch (ReadingRoom.InvalidVisit e) {
            // Kept as typed, every wrong field named.
            response.setStatus(400);
            model.addAttribute("form", form);
            return show(me, null, model, e.problems);
        }
    }

    /** A public item, ready to print for the visitor. */
    @GetMapping("/print")
    String print(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String index, Model model) {
        ReadingRoom.requireOffice(me);
        CatalogEntry entry = catalog.publicEntry(me.agencyId(), index)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("entry", entry);
        model.addAttribute("printedOn", room.today());
        return "readingroom/print-item";
    }

    /** An extract of the public catalog (the first {@value #EXTRACT} entries found, newest first), ready to print. */
    @GetMapping("/extract")
    String extract(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String q,
            Model model) {
        ReadingRoom.requireOffice(me);
        String text = q == null || q.isBlank() || q.length() > 100 ? null : q.strip();
        model.addAttribute("extract", catalog.searchWithoutHighlights(new CatalogQuery(me.agencyId(), text, null,
                null, null, null, 0, EXTRACT, CatalogQuery.Order.DATE)));
        model.addAttribute("q", text);
        model.addAttribute("printedOn", room.today());
        return "readingroom/print-extract";
    }
}
