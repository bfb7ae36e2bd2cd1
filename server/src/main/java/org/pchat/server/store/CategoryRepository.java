package org.pchat.server.store;

import static org.pchat.db.content.Tables.CATEGORIES;
import static org.pchat.db.content.Tables.CATEGORY_PRINCIPALS;
import static org.pchat.db.content.Tables.ROOMS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.CategoriesRecord;
import org.pchat.db.content.tables.records.CategoryPrincipalsRecord;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Principal;

/** Categories and their allowed, denied and creator principals. */
public final class CategoryRepository {

    private static final String ALLOWED = "allowed";
    private static final String DENIED = "denied";
    private static final String CREATOR = "creator";

    private final DSLContext dsl;

    public CategoryRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public CategoryRepository in(DSLContext tx) {
        return new CategoryRepository(tx);
    }

    /** The key that makes names unique regardless of case. */
    public static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Inserts a category and its principals; the caller has checked that the name is free. */
    public void insert(Category category, Instant now) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            CategoriesRecord row = tx.newRecord(CATEGORIES);
            row.setId(category.id());
            row.setCreatedAt(Times.toDb(now));
            write(row, category);
            row.insert();
            insertPrincipals(tx, category);
        });
    }

    /** Replaces a category's fields and principals; false for an unknown id. */
    public boolean update(Category category) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<CategoriesRecord> row = tx.selectFrom(CATEGORIES).where(CATEGORIES.ID.eq(category.id()))
                    .forUpdate().fetchOptional();
            if (row.isEmpty()) {
                return false;
            }
            write(row.get(), category);
            row.get().update();
            tx.deleteFrom(CATEGORY_PRINCIPALS).where(CATEGORY_PRINCIPALS.CATEGORY_ID.eq(category.id())).execute();
            insertPrincipals(tx, category);
            return true;
        });
    }

    /** A category by id. */
    public Optional<Category> find(UUID id) {
        return dsl.selectFrom(CATEGORIES).where(CATEGORIES.ID.eq(id)).fetchOptional().map(this::withPrincipals);
    }

    /** A category by name, ignoring case. */
    public Optional<Category> findByName(String name) {
        return dsl.selectFrom(CATEGORIES).where(CATEGORIES.NAME_KEY.eq(nameKey(name))).fetchOptional()
                .map(this::withPrincipals);
    }

    /** Every category, by name. */
    public List<Category> list() {
        List<CategoriesRecord> rows = dsl.selectFrom(CATEGORIES).orderBy(CATEGORIES.NAME_KEY).fetch();
        Map<UUID, List<CategoryPrincipalsRecord>> principals = new HashMap<>();
        dsl.selectFrom(CATEGORY_PRINCIPALS).fetch()
                .forEach(p -> principals.computeIfAbsent(p.getCategoryId(), k -> new ArrayList<>()).add(p));
        return rows.stream().map(r -> toCategory(r, principals.getOrDefault(r.getId(), List.of()))).toList();
    }

    /** Deletes a category (its principals go with it); false for an unknown id. */
    public boolean delete(UUID id) {
        return dsl.deleteFrom(CATEGORIES).where(CATEGORIES.ID.eq(id)).execute() == 1;
    }

    /** How many rooms (enabled or not) a category holds. */
    public int roomCount(UUID id) {
        return dsl.fetchCount(ROOMS, ROOMS.CATEGORY_ID.eq(id));
    }

    private Category withPrincipals(CategoriesRecord row) {
        return toCategory(row, dsl.selectFrom(CATEGORY_PRINCIPALS)
                .where(CATEGORY_PRINCIPALS.CATEGORY_ID.eq(row.getId())).fetch());
    }

    private static void write(CategoriesRecord row, Category category) {
        row.setName(category.name());
        row.setNameKey(nameKey(category.name()));
        row.setDescription(category.description());
        row.setInvitations(category.invitations());
        row.setFileUpload(category.fileUpload());
        row.setChatHistory(category.chatHistory());
    }

    private static void insertPrincipals(DSLContext tx, Category category) {
        List<CategoryPrincipalsRecord> rows = new ArrayList<>();
        add(tx, rows, category.id(), ALLOWED, category.allowed());
        add(tx, rows, category.id(), DENIED, category.denied());
        add(tx, rows, category.id(), CREATOR, category.creators());
        if (!rows.isEmpty()) {
            tx.batchInsert(rows).execute();
        }
    }

    private static void add(DSLContext tx, List<CategoryPrincipalsRecord> rows, UUID id, String list,
            Set<Principal> principals) {
        for (Principal p : principals) {
            CategoryPrincipalsRecord row = tx.newRecord(CATEGORY_PRINCIPALS);
            row.setCategoryId(id);
            row.setPrincipalList(list);
            row.setPrincipal(p.format());
            rows.add(row);
        }
    }

    private static Category toCategory(CategoriesRecord r, Collection<CategoryPrincipalsRecord> principals) {
        return new Category(r.getId(), r.getName(), r.getDescription(), principals(principals, ALLOWED),
                principals(principals, DENIED), principals(principals, CREATOR), r.getInvitations(),
                r.getFileUpload(), r.getChatHistory());
    }

    private static Set<Principal> principals(Collection<CategoryPrincipalsRecord> rows, String list) {
        return rows.stream().filter(p -> p.getPrincipalList().equals(list))
                .map(p -> Principal.parse(p.getPrincipal())).collect(Collectors.toSet());
    }
}
