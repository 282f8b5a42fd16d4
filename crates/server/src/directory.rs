//! The simulated Microsoft 365 directory of an organization: its groups and its users (people
//! with Polish, German and English names, shared mailboxes, rooms and equipment, a few with
//! their sign-in blocked or deleted), generated from the organization's id and each user's
//! serial number, so that the same organization always has the same directory. The user sync
//! changes it a little each time ([`SyncPlan`]).

use std::collections::HashSet;

use xms_m365_contract::{UserKind, UserState};

use crate::hash::{stable_hash, stable_hash_on};

/// How long Microsoft 365 keeps a deleted user before purging it.
pub const PURGED_AFTER_MS: i64 = 30 * 24 * 3_600_000;

/// The group names an organization's groups are drawn from, besides "All Company".
const GROUP_NAMES: [&str; 10] = [
    "Sales",
    "Finance",
    "IT Admins",
    "Marketing",
    "Legal",
    "Human Resources",
    "Engineering",
    "Customer Support",
    "Executive Team",
    "Operations",
];

/// The group every person of the organization belongs to.
pub const ALL_COMPANY: &str = "All Company";

/// One of an organization's Microsoft 365 groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDef {
    /// Its id in Microsoft 365.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The percentage of the organization's people who belong to it.
    share: u64,
}

/// An organization's groups, by name: "All Company" and three to seven others, the same ones
/// with the same ids every time (policies limited to a group name it by its id).
pub fn groups(organization_id: &str) -> Vec<GroupDef> {
    let hash = |name: &str| stable_hash(organization_id.bytes().chain([0]).chain(name.bytes()));
    let mut others: Vec<&str> = GROUP_NAMES.to_vec();
    others.sort_by_key(|name| hash(name));
    let count = 3 + usize::try_from(stable_hash(organization_id.bytes()) % 5).unwrap_or(0);
    let group = |name: &str, share: u64| GroupDef {
        id: format!("grp-{:016x}", hash(name)),
        name: name.to_owned(),
        share,
    };
    let mut groups: Vec<GroupDef> = others
        .into_iter()
        .take(count)
        // A tenth to a third of the people.
        .map(|name| group(name, 10 + hash(name) % 24))
        .collect();
    groups.push(group(ALL_COMPANY, 100));
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    groups
}

/// When a user was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// With the rest of the directory, when it was first read: some have their sign-in
    /// blocked, some were deleted in the last 30 days.
    WithDirectory,
    /// By a later sync, as one who joined since the last: they can sign in.
    Joined,
}

/// A user as the directory tells of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    /// Microsoft's id.
    pub id: String,
    /// Its serial number in the organization.
    pub serial: u64,
    /// The name Microsoft 365 shows.
    pub display_name: String,
    /// The sign-in name and email address.
    pub principal_name: String,
    /// What kind of account.
    pub kind: UserKind,
    /// Where it stands.
    pub state: UserState,
    /// When it was deleted, if it was (Unix ms).
    pub deleted_at: Option<i64>,
    /// The ids of the groups it belongs to.
    pub groups: Vec<String>,
}

/// First names and surnames of one language; Polish surnames have a feminine form.
struct Names {
    women: &'static [&'static str],
    men: &'static [&'static str],
    /// Surnames, each as (masculine, feminine).
    surnames: &'static [(&'static str, &'static str)],
}

const POLISH: Names = Names {
    women: &[
        "Anna",
        "Katarzyna",
        "Małgorzata",
        "Agnieszka",
        "Joanna",
        "Magdalena",
        "Zofia",
        "Aleksandra",
        "Ewa",
        "Natalia",
        "Wiktoria",
        "Julia",
    ],
    men: &[
        "Piotr",
        "Krzysztof",
        "Tomasz",
        "Łukasz",
        "Paweł",
        "Michał",
        "Grzegorz",
        "Jakub",
        "Wojciech",
        "Mateusz",
        "Andrzej",
        "Bartłomiej",
    ],
    surnames: &[
        ("Nowak", "Nowak"),
        ("Kowalski", "Kowalska"),
        ("Wiśniewski", "Wiśniewska"),
        ("Wójcik", "Wójcik"),
        ("Kowalczyk", "Kowalczyk"),
        ("Kamiński", "Kamińska"),
        ("Lewandowski", "Lewandowska"),
        ("Zieliński", "Zielińska"),
        ("Szymański", "Szymańska"),
        ("Woźniak", "Woźniak"),
        ("Dąbrowski", "Dąbrowska"),
        ("Kozłowski", "Kozłowska"),
        ("Jankowski", "Jankowska"),
        ("Mazur", "Mazur"),
        ("Krawczyk", "Krawczyk"),
        ("Grabowski", "Grabowska"),
        ("Żak", "Żak"),
        ("Pietrzak", "Pietrzak"),
    ],
};

const GERMAN: Names = Names {
    women: &[
        "Sophie",
        "Marie",
        "Hannah",
        "Lena",
        "Katharina",
        "Julia",
        "Anna",
        "Jana",
        "Sabine",
        "Ursula",
        "Brigitte",
        "Annika",
    ],
    men: &[
        "Lukas",
        "Maximilian",
        "Jonas",
        "Felix",
        "Stefan",
        "Thomas",
        "Andreas",
        "Matthias",
        "Jörg",
        "Klaus",
        "Tobias",
        "Jürgen",
    ],
    surnames: &[
        ("Müller", "Müller"),
        ("Schmidt", "Schmidt"),
        ("Schneider", "Schneider"),
        ("Fischer", "Fischer"),
        ("Weber", "Weber"),
        ("Meyer", "Meyer"),
        ("Wagner", "Wagner"),
        ("Becker", "Becker"),
        ("Schulz", "Schulz"),
        ("Hoffmann", "Hoffmann"),
        ("Schäfer", "Schäfer"),
        ("Koch", "Koch"),
        ("Bauer", "Bauer"),
        ("Größer", "Größer"),
    ],
};

const ENGLISH: Names = Names {
    women: &[
        "Olivia",
        "Emma",
        "Charlotte",
        "Amelia",
        "Grace",
        "Emily",
        "Sarah",
        "Jessica",
        "Megan",
        "Chloe",
    ],
    men: &[
        "James", "Oliver", "William", "Henry", "George", "Jack", "Daniel", "Thomas", "Samuel",
        "Ethan",
    ],
    surnames: &[
        ("Smith", "Smith"),
        ("Jones", "Jones"),
        ("Taylor", "Taylor"),
        ("Brown", "Brown"),
        ("Williams", "Williams"),
        ("Wilson", "Wilson"),
        ("Johnson", "Johnson"),
        ("Davies", "Davies"),
        ("Evans", "Evans"),
        ("O'Brien", "O'Brien"),
        ("Clarke", "Clarke"),
        ("Walker", "Walker"),
    ],
};

/// Where shared mailboxes, rooms and equipment are.
const PLACES: [&str; 10] = [
    "Warszawa", "Kraków", "Gdańsk", "Wrocław", "Poznań", "Berlin", "München", "Hamburg", "Leipzig",
    "London",
];
const SHARED: [&str; 8] = [
    "Sales",
    "Info",
    "Support",
    "Accounting",
    "Reception",
    "Recruitment",
    "Invoices",
    "Orders",
];
const EQUIPMENT: [&str; 4] = ["Projector", "Pool Car", "Video Conference Kit", "Camera"];

/// A hash with its bits mixed (SplitMix64's finalizer): FNV's low bits follow the last byte
/// hashed, so two numbers drawn with different salts would otherwise share their parity
/// (every woman's first name would come from the same half of the list).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `items[n % len]`.
fn pick<T: Copy>(items: &[T], n: u64) -> T {
    let len = u64::try_from(items.len()).unwrap_or(1).max(1);
    items[usize::try_from(n % len).unwrap_or(0)]
}

/// The user of serial `serial` of an organization whose primary domain is `domain`, as found
/// at `now` (Unix ms) and `found`; `taken` holds the sign-in names already used in the
/// organization, and gets this one.
pub fn user(
    organization_id: &str,
    domain: &str,
    serial: u64,
    groups: &[GroupDef],
    (now, found): (i64, Found),
    taken: &mut HashSet<String>,
) -> NewUser {
    // The organization's id and the serial, hashed once for every number drawn from them.
    let user = stable_hash_on(stable_hash(organization_id.bytes()), serial.to_le_bytes());
    let roll = |salt: u8| mix(stable_hash_on(user, [salt]));
    let kind = match roll(1) % 100 {
        0..88 => UserKind::User,
        88..95 => UserKind::SharedMailbox,
        95..98 => UserKind::RoomMailbox,
        _ => UserKind::EquipmentMailbox,
    };
    let place = pick(&PLACES, roll(2));
    let number = roll(3) % 12 + 1;
    let display_name = match kind {
        UserKind::User => {
            let names = match roll(4) % 10 {
                0..4 => &POLISH,
                4..7 => &GERMAN,
                _ => &ENGLISH,
            };
            let woman = roll(5) % 2 == 0;
            let first = pick(if woman { names.women } else { names.men }, roll(6));
            let (masculine, feminine) = pick(names.surnames, roll(7));
            format!("{first} {}", if woman { feminine } else { masculine })
        }
        UserKind::SharedMailbox => format!("{} {place}", pick(&SHARED, roll(6))),
        UserKind::RoomMailbox => format!("Room {place} {number}"),
        UserKind::EquipmentMailbox => format!("{} {place} {number}", pick(&EQUIPMENT, roll(6))),
    };
    let natural = mail_name(&display_name);
    // A name taken gets the serial, and then a count: "room.gdansk.1" + serial 12 could be a
    // name taken already, which SQLite refused as a duplicate sign-in name.
    let mut local = natural.clone();
    let mut attempt = 0_u32;
    while taken.contains(&local) {
        attempt += 1;
        local = match attempt {
            1 => format!("{natural}{serial}"),
            _ => format!("{natural}{serial}.{attempt}"),
        };
    }
    let principal_name = format!("{local}@{domain}");
    taken.insert(local);
    // Rooms and equipment cannot sign in, nor be blocked from it; anyone can be deleted.
    let (state, deleted_at) = match roll(8) % 100 {
        _ if found == Found::Joined => (UserState::Enabled, None),
        0..3 => (
            UserState::Deleted,
            Some(now - i64::try_from(roll(9) % 29).unwrap_or(0) * 24 * 3_600_000),
        ),
        3..8 if kind == UserKind::User => (UserState::SignInBlocked, None),
        _ => (UserState::Enabled, None),
    };
    let groups = groups
        .iter()
        .filter(|group| {
            kind == UserKind::User
                && mix(stable_hash_on(user, group.id.bytes())) % 100 < group.share
        })
        .map(|group| group.id.clone())
        .collect();
    NewUser {
        id: object_id(roll(10), roll(11)),
        serial,
        display_name,
        principal_name,
        kind,
        state,
        deleted_at,
        groups,
    }
}

/// The part of an email address before `@` for `display_name`: lower case, letters and
/// digits in ASCII, words joined by dots ("Łukasz Wójcik" → `lukasz.wojcik`).
pub fn mail_name(display_name: &str) -> String {
    let mut mail = String::new();
    for word in display_name.split_whitespace() {
        let word: String = word.chars().flat_map(fold).collect();
        if word.is_empty() {
            continue;
        }
        if !mail.is_empty() {
            mail.push('.');
        }
        mail.push_str(&word);
    }
    mail
}

/// `c` as email addresses write it: ASCII letters and digits, the rest left out.
fn fold(c: char) -> Vec<char> {
    let ascii = match c.to_lowercase().next().unwrap_or(c) {
        'ą' | 'á' | 'à' => "a",
        'ä' => "ae",
        'ć' | 'č' => "c",
        'ę' | 'é' | 'è' => "e",
        'ł' => "l",
        'ń' => "n",
        'ó' => "o",
        'ö' => "oe",
        'ś' | 'š' => "s",
        'ß' => "ss",
        'ü' => "ue",
        'ź' | 'ż' | 'ž' => "z",
        lower if lower.is_ascii_alphanumeric() => return vec![lower],
        _ => "",
    };
    ascii.chars().collect()
}

/// An id shaped as Entra's object ids (a version 4 GUID) from two numbers.
fn object_id(high: u64, low: u64) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0x0fff,
        0x8000 | (low >> 48) & 0x3fff,
        low & 0xffff_ffff_ffff
    )
}

/// What an organization's `sync`-th user sync finds changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncPlan {
    /// New users.
    pub joined: u32,
    /// Users deleted in Microsoft 365 (they stay, deleted, until purged).
    pub deleted: u32,
    /// Whose sign-in is blocked or unblocked: a number to choose one user by.
    pub toggled: u64,
}

/// What a sync can find: users who left (negative) or joined, mostly joined as tenants grow.
/// Never none, so that every sync visibly does something in a demonstration.
const CHANGES: [i64; 5] = [-2, -1, 1, 2, 3];

/// What an organization's `sync`-th user sync finds, the same every time.
pub fn sync_plan(organization_id: &str, sync: i64) -> SyncPlan {
    let hash = stable_hash(organization_id.bytes().chain(sync.to_le_bytes()));
    let change = pick(&CHANGES, hash);
    SyncPlan {
        joined: u32::try_from(change.max(0)).unwrap_or(0),
        deleted: u32::try_from((-change).max(0)).unwrap_or(0),
        toggled: hash >> 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory(organization: &str, count: u64) -> Vec<NewUser> {
        let groups = groups(organization);
        let mut taken = HashSet::new();
        (0..count)
            .map(|serial| {
                user(
                    organization,
                    "contoso.com",
                    serial,
                    &groups,
                    (1_800_000_000_000, Found::WithDirectory),
                    &mut taken,
                )
            })
            .collect()
    }

    #[test]
    fn a_sign_in_name_taken_with_its_serial_too_is_made_unique() {
        let groups = groups("org-1");
        let at = (1_800_000_000_000, Found::WithDirectory);
        let first = user("org-1", "contoso.com", 7, &groups, at, &mut HashSet::new());
        let local = first.principal_name.split('@').next().unwrap().to_owned();
        let mut taken = HashSet::from([local.clone(), format!("{local}7")]);
        let again = user("org-1", "contoso.com", 7, &groups, at, &mut taken);
        let name = again.principal_name.split('@').next().unwrap().to_owned();
        assert_eq!(name, format!("{local}7.2"));
        assert!(taken.contains(&name), "the name is recorded as taken");
        assert_eq!(taken.len(), 3);
    }

    #[test]
    fn groups_are_stable_believable_and_sorted() {
        let first = groups("org-1");
        assert_eq!(first, groups("org-1"));
        assert!((4..=8).contains(&first.len()), "{first:?}");
        assert!(
            first
                .iter()
                .any(|g| g.name == ALL_COMPANY && g.share == 100)
        );
        assert!(first.windows(2).all(|w| w[0].name < w[1].name));
        let other = groups("org-2");
        assert_ne!(
            first.iter().map(|g| &g.id).collect::<Vec<_>>(),
            other.iter().map(|g| &g.id).collect::<Vec<_>>(),
            "ids differ per organization"
        );
        let sizes: std::collections::BTreeSet<usize> =
            (0..40).map(|n| groups(&format!("org-{n}")).len()).collect();
        assert_eq!(sizes.into_iter().collect::<Vec<_>>(), [4, 5, 6, 7, 8]);
    }

    #[test]
    fn a_directory_is_the_same_every_time_and_realistic() {
        let users = directory("org-1", 2_000);
        assert_eq!(users, directory("org-1", 2_000));
        let share = |keep: &dyn Fn(&NewUser) -> bool| {
            users.iter().filter(|user| keep(user)).count() * 100 / users.len()
        };
        assert!((85..=91).contains(&share(&|u| u.kind == UserKind::User)));
        assert!(share(&|u| u.kind == UserKind::SharedMailbox) >= 5);
        assert!(share(&|u| u.kind == UserKind::RoomMailbox) >= 1);
        assert!(share(&|u| u.kind == UserKind::EquipmentMailbox) >= 1);
        assert!((90..=95).contains(&share(&|u| u.state == UserState::Enabled)));
        assert!(share(&|u| u.state == UserState::Deleted) >= 2);
        assert!(users.iter().any(|u| u.display_name.starts_with("Łukasz ")));
        assert!(users.iter().any(|u| u.display_name.contains("Müller")));
        assert!(users.iter().any(|u| u.display_name.ends_with("Kowalska")));
        let emails: HashSet<_> = users.iter().map(|u| &u.principal_name).collect();
        assert_eq!(emails.len(), users.len(), "sign-in names are unique");
        let ids: HashSet<_> = users.iter().map(|u| &u.id).collect();
        assert_eq!(ids.len(), users.len(), "ids are unique");
        assert!(
            users
                .iter()
                .all(|u| u.principal_name.is_ascii() && u.principal_name.ends_with("@contoso.com"))
        );
        let all_company = &groups("org-1")
            .into_iter()
            .find(|g| g.name == ALL_COMPANY)
            .unwrap()
            .id;
        assert!(
            users
                .iter()
                .all(|u| (u.kind == UserKind::User) == u.groups.contains(all_company)),
            "every person is in All Company, and only people"
        );
        assert_ne!(
            directory("org-2", 50)
                .iter()
                .map(|u| &u.display_name)
                .collect::<Vec<_>>(),
            users[..50]
                .iter()
                .map(|u| &u.display_name)
                .collect::<Vec<_>>(),
            "organizations differ"
        );
    }

    #[test]
    fn mail_names_are_ascii() {
        assert_eq!(mail_name("Łukasz Wójcik"), "lukasz.wojcik");
        assert_eq!(mail_name("Jürgen Größer"), "juergen.groesser");
        assert_eq!(mail_name("Jack O'Brien"), "jack.obrien");
        assert_eq!(mail_name("Room Kraków 3"), "room.krakow.3");
    }

    #[test]
    fn a_sync_changes_a_little_and_predictably() {
        let plans: Vec<_> = (1..=200).map(|sync| sync_plan("org-1", sync)).collect();
        assert!(plans.iter().all(|p| (p.joined + p.deleted) > 0));
        assert!(plans.iter().all(|p| p.joined <= 3 && p.deleted <= 2));
        assert!(plans.iter().any(|p| p.deleted == 2) && plans.iter().any(|p| p.joined == 3));
        assert_eq!(sync_plan("org-1", 7), plans[6], "the same every time");
        assert_ne!(
            (1..=20).map(|s| sync_plan("org-2", s)).collect::<Vec<_>>(),
            plans[..20],
            "organizations differ"
        );
    }
}
