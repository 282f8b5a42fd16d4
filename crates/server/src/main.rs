//! The `xms-server` command: serves the reference XMS server (the API, the shell page and the
//! scheduler of backups and user syncs), or adds an organization to its data directory, or
//! changes the development authority's tenants (for demos and tests, through the same data
//! layers the server uses).

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
    process::ExitCode,
    time::Duration,
};

use clap::{Args, Parser, Subcommand, ValueEnum};
use tracing_subscriber::EnvFilter;
use xms_m365_contract::{GRAPH_PERMISSIONS, LicenceMode};
use xms_server::{
    AppState, DEV_API_TOKEN, Options, app,
    authority::{
        Authority, AuthorityConfig, XOPERO_REGISTRATOR_CLIENT_ID, directory, registrations,
    },
    clock::{Clock, parse_instant, rfc3339},
    connections::MicrosoftConfig,
    db::{Db, DbError},
    scheduler::{self, SchedulerConfig},
    sealing::CredentialKey,
    store::{
        jobs, licences,
        licences::{DEFAULT_LICENCES, MAX_LICENCES},
        organizations::{self, NewOrganization},
        users, workers,
    },
};

#[derive(Parser)]
#[command(version, about = "Reference XMS server for the Microsoft 365 module")]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(flatten)]
    serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Stores a connected organization in the data directory.
    AddOrganization(AddOrganizationArgs),
    /// Prints the API's OpenAPI document (what `GET /api/v1/openapi.json` serves).
    Openapi,
    /// Changes the development sign-in authority's tenants, as their administrators would in
    /// Microsoft Entra (for demonstrations and tests; the server may be running).
    #[command(subcommand)]
    Authority(AuthorityCommand),
}

#[derive(Subcommand)]
enum AuthorityCommand {
    /// Registers an application in a tenant and makes it a client secret (printed once), as
    /// Entra's App registrations does.
    RegisterApplication(RegisterApplicationArgs),
    /// Withdraws the tenant's admin consent to an application: its tokens carry no
    /// permissions from then on.
    RevokeConsent(ApplicationArgs),
    /// Makes an application's client secrets expire now.
    ExpireSecret(ApplicationArgs),
    /// Uploads a certificate (PEM, such as the one XMS makes for an application) to an
    /// application, as Entra's Certificates & secrets does: it then signs in with assertions
    /// signed by the certificate's key.
    UploadCertificate(UploadCertificateArgs),
    /// Turns on (or, with --allow, off) a Conditional Access policy that blocks sign-in with a
    /// device code in a tenant.
    BlockDeviceCode(BlockDeviceCodeArgs),
}

#[derive(Args)]
struct RegisterApplicationArgs {
    /// Directory holding the server's data.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// The tenant: its id or one of its domains (contoso.com).
    #[arg(long)]
    tenant: String,
    /// The application's display name.
    #[arg(long, default_value = "Xopero ONE backup")]
    name: String,
    /// How many days its client secret stays valid (Entra offers 90 to 730).
    #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(1..=3650))]
    secret_days: u32,
    /// Leave out admin consent: the application has no permissions.
    #[arg(long, conflicts_with = "permissions")]
    no_consent: bool,
    /// The Microsoft Graph application permissions an administrator consented to
    /// (default: every one the Microsoft 365 module asks for).
    #[arg(long, value_delimiter = ',')]
    permissions: Option<Vec<String>>,
    /// Make it at this instant (RFC 3339) instead of the machine's time, as a server started
    /// with the same --clock-start would.
    #[arg(long, value_name = "INSTANT", value_parser = parse_clock_start)]
    clock_start: Option<i64>,
}

#[derive(Args)]
struct ApplicationArgs {
    /// Directory holding the server's data.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// The application (client) id.
    #[arg(long)]
    application: String,
    /// Do it at this instant (RFC 3339) instead of the machine's time.
    #[arg(long, value_name = "INSTANT", value_parser = parse_clock_start)]
    clock_start: Option<i64>,
}

#[derive(Args)]
struct UploadCertificateArgs {
    /// Directory holding the server's data.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// The application (client) id.
    #[arg(long)]
    application: String,
    /// The certificate file, PEM.
    #[arg(long, value_name = "FILE")]
    certificate: PathBuf,
}

#[derive(Args)]
struct BlockDeviceCodeArgs {
    /// Directory holding the server's data.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// The tenant: its id or one of its domains.
    #[arg(long)]
    tenant: String,
    /// Allow the device code again.
    #[arg(long)]
    allow: bool,
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port to listen on; 0 picks a free one (the chosen URL is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Directory holding the SQLite database.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// Bearer token API calls must carry.
    #[arg(long, default_value = DEV_API_TOKEN, value_parser = parse_token)]
    api_token: String,
    /// The built module and shell page (trunk's output).
    #[arg(long, default_value = "dist")]
    static_dir: PathBuf,
    /// How long a device code of the development sign-in authority stays valid, in seconds.
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    device_code_ttl: u64,
    /// The polling interval the development sign-in authority asks for, in seconds.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=300))]
    poll_interval: u64,
    /// The Microsoft identity platform authority XMS signs in against, tenant segment included
    /// (such as https://login.microsoftonline.com/organizations); default: the development
    /// authority of this server.
    #[arg(long)]
    authority_url: Option<String>,
    /// The application (client) id XMS signs in as.
    #[arg(long, default_value = XOPERO_REGISTRATOR_CLIENT_ID)]
    client_id: String,
    /// Microsoft Graph (such as https://graph.microsoft.com); default: this server's stand-in.
    #[arg(long)]
    graph_url: Option<String>,
    /// Add this many generated organizations, in every status, if they are not there yet
    /// (for demonstrations and benchmarks).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    seed_organizations: Option<u32>,
    /// How long a simulated backup runs once started, in seconds.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    backup_duration: u64,
    /// Run every organization's simulated user sync this often, in seconds, instead of at its
    /// own interval (24 hours by default), to see syncs in a demonstration.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    user_sync_period: Option<u64>,
    /// Check each organization's own application credential with Microsoft this often, in
    /// seconds (6 hours by default; shorter to see a revoked consent in a demonstration).
    #[arg(long, value_name = "SECONDS", default_value_t = 6 * 3600,
          value_parser = clap::value_parser!(u64).range(1..=7 * 86_400))]
    credential_check_period: u64,
    /// Licences of the XMS subscription, shared by all organizations: each protected user
    /// holds one (0 to 1000000; a small number shows a shortage).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LICENCES,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_LICENCES)))]
    licences: u32,
    /// Live from this instant (RFC 3339, such as 2026-12-01T09:00:00Z) instead of the
    /// machine's time: the clock starts there and runs on, so tests and demonstrations see
    /// the same schedules whatever the day.
    #[arg(long, value_name = "INSTANT", value_parser = parse_clock_start)]
    clock_start: Option<i64>,
    /// The file of the key (64 hex digits) that seals the client secrets XMS keeps; made
    /// when missing. Default: credential-key in the data directory.
    #[arg(long, value_name = "PATH")]
    credential_key_file: Option<PathBuf>,
}

#[derive(Args)]
struct AddOrganizationArgs {
    /// Directory holding the SQLite database.
    #[arg(long, default_value = "xms-data")]
    data_dir: PathBuf,
    /// The Microsoft Entra tenant id.
    #[arg(long)]
    tenant_id: String,
    /// Display name.
    #[arg(long)]
    name: String,
    /// Primary domain, such as contoso.onmicrosoft.com.
    #[arg(long)]
    domain: String,
    /// Number of users in the tenant.
    #[arg(long, default_value_t = 0)]
    users: u32,
    /// Make every backup of this organization fail with this reason (for demonstrations).
    #[arg(long)]
    backup_failure: Option<String>,
    /// Mark the organization as needing re-authorization (for demonstrations).
    #[arg(long)]
    needs_reauthorization: bool,
    /// The worker that backs it up (default: the main worker): xopero-cloud-eu-west,
    /// warsaw-office-nas or gdansk-branch-server (offline).
    #[arg(long, value_name = "ID")]
    worker: Option<String>,
    /// How its users get licences.
    #[arg(long, value_enum, default_value_t = Mode::Automatic)]
    licence_mode: Mode,
    /// How many of its users are protected, each with a licence (default: all of them, free
    /// licences or not); at most --users.
    #[arg(long, value_name = "N")]
    protected_users: Option<u32>,
    /// Connect it at this instant (RFC 3339) instead of the machine's time, as a server
    /// started with the same --clock-start would.
    #[arg(long, value_name = "INSTANT", value_parser = parse_clock_start)]
    clock_start: Option<i64>,
}

/// A licence mode on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum Mode {
    /// Every user is protected while licences are free, new ones as they appear.
    Automatic,
    /// New users stay unprotected until an administrator chooses.
    Manual,
}

fn parse_clock_start(text: &str) -> Result<i64, String> {
    parse_instant(text).ok_or_else(|| {
        "an instant is RFC 3339 with its offset, such as 2026-12-01T09:00:00Z".to_owned()
    })
}

/// The clock `--clock-start` asks for, or the machine's.
fn clock(start: Option<i64>) -> Clock {
    start.map_or_else(Clock::system, Clock::starting_at)
}

fn parse_token(token: &str) -> Result<String, String> {
    if xms_server::is_valid_api_token(token) {
        Ok(token.to_owned())
    } else {
        Err(
            "an API token is 8 to 256 printable ASCII characters, without quotes, \
             backslashes, <, > or &"
                .to_owned(),
        )
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::AddOrganization(args)) => add_organization(args),
        Some(Command::Openapi) => {
            print!("{}", xms_server::api::openapi_json());
            Ok(())
        }
        Some(Command::Authority(command)) => change_authority(command),
        None => serve(cli.serve).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xms-server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn add_organization(args: AddOrganizationArgs) -> Result<(), String> {
    let protected_users = args.protected_users.unwrap_or(args.users);
    if protected_users > args.users {
        return Err(format!(
            "--protected-users {protected_users} is more than the organization's {} users",
            args.users
        ));
    }
    let db = Db::open(&args.data_dir).map_err(|e| e.to_string())?;
    let now = clock(args.clock_start).now_ms();
    let mode = match args.licence_mode {
        Mode::Automatic => LicenceMode::Automatic,
        Mode::Manual => LicenceMode::Manual,
    };
    let new = NewOrganization {
        tenant_id: args.tenant_id,
        name: args.name,
        primary_domain: args.domain,
        user_count: args.users,
    };
    // One transaction: a mistyped worker (checked first) adds nothing.
    let added = db.write(|tx| {
        if let Some(worker) = &args.worker
            && workers::get(tx, worker)?.is_none()
        {
            return Err(DbError::UnknownWorker(worker.clone()));
        }
        // As a demonstration sets it up: the licences are set below, whatever is free.
        let organization = organizations::insert(tx, &new, DEFAULT_LICENCES, now)?;
        let id = &organization.id.0;
        if let Some(reason) = &args.backup_failure {
            organizations::set_backup_failure(tx, id, reason)?;
        }
        if args.needs_reauthorization {
            organizations::set_needs_reauthorization(tx, id)?;
        }
        if let Some(worker) = &args.worker {
            organizations::set_default_worker(tx, id, worker)?;
        }
        licences::set(tx, id, mode, protected_users, now)?;
        Ok(organization)
    });
    let organization = match added {
        Ok(organization) => organization,
        Err(DbError::UnknownWorker(worker)) => {
            let known = db.read(workers::list).map_err(|e| e.to_string())?;
            let known: Vec<String> = known.into_iter().map(|w| w.id.0).collect();
            return Err(format!(
                "there is no worker {worker}; the workers are {}",
                known.join(", ")
            ));
        }
        Err(error) => return Err(error.to_string()),
    };
    println!("added {} ({})", organization.name, organization.id.0);
    Ok(())
}

fn change_authority(command: AuthorityCommand) -> Result<(), String> {
    let tenant = |hint: &str| {
        directory::tenant_by_hint(hint).ok_or_else(|| {
            let known: Vec<&str> = directory::TENANTS
                .iter()
                .map(|t| t.primary_domain)
                .collect();
            format!(
                "there is no tenant {hint}; the tenants are {}",
                known.join(", ")
            )
        })
    };
    match command {
        AuthorityCommand::RegisterApplication(args) => {
            let tenant = tenant(&args.tenant)?;
            let db = Authority::database(&args.data_dir).map_err(|e| e.to_string())?;
            let permissions: Vec<String> = match (args.no_consent, args.permissions) {
                (true, _) => Vec::new(),
                (false, Some(listed)) => listed,
                (false, None) => GRAPH_PERMISSIONS.iter().map(|p| (*p).to_owned()).collect(),
            };
            let now = clock(args.clock_start).now_ms();
            let expires_at = now + i64::from(args.secret_days) * 86_400_000;
            let (application, secret) = db
                .read(|conn| {
                    registrations::register(conn, tenant, &args.name, &permissions, now, expires_at)
                })
                .map_err(|e| e.to_string())?;
            println!("tenant: {} ({})", tenant.name, tenant.id);
            println!("application (client) id: {}", application.client_id);
            println!("client secret id: {}", secret.secret_id);
            println!("client secret value: {}", secret.value);
            println!("secret expires: {}", rfc3339(secret.expires_at));
            let consent = if permissions.is_empty() {
                "none".to_owned()
            } else {
                permissions.join(", ")
            };
            println!("admin consent: {consent}");
            Ok(())
        }
        AuthorityCommand::RevokeConsent(args) => {
            let db = Authority::database(&args.data_dir).map_err(|e| e.to_string())?;
            let found = db
                .read(|conn| registrations::revoke_consent(conn, &args.application))
                .map_err(|e| e.to_string())?;
            if !found {
                return Err(format!("there is no application {}", args.application));
            }
            println!("revoked the admin consent to {}", args.application);
            Ok(())
        }
        AuthorityCommand::ExpireSecret(args) => {
            let db = Authority::database(&args.data_dir).map_err(|e| e.to_string())?;
            let now = clock(args.clock_start).now_ms();
            let expired = db
                .read(|conn| registrations::expire_secrets(conn, &args.application, now))
                .map_err(|e| e.to_string())?;
            if expired == 0 {
                return Err(format!("application {} has no secret", args.application));
            }
            println!("expired {expired} secret(s) of {}", args.application);
            Ok(())
        }
        AuthorityCommand::UploadCertificate(args) => {
            let pem = std::fs::read(&args.certificate)
                .map_err(|e| format!("cannot read {}: {e}", args.certificate.display()))?;
            let uploaded = xms_server::certificate::read_pem(&pem)
                .map_err(|why| format!("{}: {why}", args.certificate.display()))?;
            let db = Authority::database(&args.data_dir).map_err(|e| e.to_string())?;
            let found = db
                .read(|conn| registrations::upload_certificate(conn, &args.application, &uploaded))
                .map_err(|e| e.to_string())?;
            if !found {
                return Err(format!("there is no application {}", args.application));
            }
            println!("uploaded to {}", args.application);
            println!("thumbprint: {}", uploaded.thumbprint);
            println!("valid until: {}", rfc3339(uploaded.not_after));
            Ok(())
        }
        AuthorityCommand::BlockDeviceCode(args) => {
            let tenant = tenant(&args.tenant)?;
            let db = Authority::database(&args.data_dir).map_err(|e| e.to_string())?;
            db.read(|conn| registrations::set_blocks_device_code(conn, tenant, !args.allow))
                .map_err(|e| e.to_string())?;
            let now = if args.allow { "allows" } else { "blocks" };
            println!("{} now {now} sign-in with a device code", tenant.name);
            Ok(())
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let clock = clock(args.clock_start);
    let db = Db::open(&args.data_dir).map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind((args.bind, args.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", args.bind, args.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let public_url = format!("http://{address}");
    let authority = Authority::open(
        AuthorityConfig {
            public_url: public_url.clone(),
            device_code_ttl: Duration::from_secs(args.device_code_ttl),
            poll_interval: Duration::from_secs(args.poll_interval),
        },
        &args.data_dir,
        clock,
    )
    .map_err(|e| e.to_string())?;
    let microsoft = MicrosoftConfig {
        authority_url: args
            .authority_url
            .unwrap_or_else(|| format!("{public_url}/organizations")),
        client_id: args.client_id,
        graph_url: args
            .graph_url
            .unwrap_or_else(|| format!("{public_url}/graph")),
    };
    if let Some(count) = args.seed_organizations {
        let added = xms_server::seed::seed_organizations(&db, count, clock.now_ms())
            .map_err(|e| e.to_string())?;
        println!("Seeded {added} generated organization(s)");
    }
    let interrupted = db
        .write(|tx| jobs::interrupt_unfinished(tx, clock.now_ms()))
        .map_err(|e| e.to_string())?;
    let backfilled = db
        .write(|tx| users::backfill(tx, clock.now_ms()))
        .map_err(|e| e.to_string())?;
    let pruned = db
        .write(|tx| jobs::prune_all(tx, clock.now_ms()))
        .map_err(|e| e.to_string())?;
    if pruned > 0 {
        println!("Deleted {pruned} backup run(s) older than the history keeps");
    }
    if backfilled > 0 {
        println!("Generated the user directories of {backfilled} organization(s) stored before");
    }
    if interrupted > 0 {
        println!("Marked {interrupted} backup job(s) interrupted by the last stop as failed");
    }
    let user_sync_period = args.user_sync_period.map(Duration::from_secs);
    let key_file = args
        .credential_key_file
        .unwrap_or_else(|| args.data_dir.join("credential-key"));
    let (credential_key, made) = CredentialKey::load_or_create(&key_file)?;
    if made {
        println!(
            "Made a credential key in {} (keep it apart from the data directory in production: \
             --credential-key-file)",
            key_file.display()
        );
    }
    let state = AppState::new(
        db,
        clock,
        Options {
            api_token: args.api_token.clone(),
            licences: args.licences,
            microsoft,
            backup_duration: Duration::from_secs(args.backup_duration),
            user_sync_period,
            credential_key,
        },
    )?;
    let resumed = state.connections.resume_all().map_err(|e| e.to_string())?;
    if resumed > 0 {
        println!("Resumed {resumed} pending connection attempt(s)");
    }
    scheduler::spawn(
        state.clone(),
        SchedulerConfig {
            user_sync_period,
            credential_check_period: Duration::from_secs(args.credential_check_period),
            ..SchedulerConfig::default()
        },
    );
    if args.api_token == DEV_API_TOKEN {
        println!("API token: {DEV_API_TOKEN} (the development default; set one with --api-token)");
    }
    println!("Data directory: {}", args.data_dir.display());
    // Printed last and flushed: scripts and tests wait for this line to know the URL.
    println!("XMS reference server listening on http://{address}/");
    let events = state.events.clone();
    let app = app(state, authority, Some(&args.static_dir));
    // The client address feeds the sign-in page's limit on code guessing.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        events.close();
    })
    .await
    .map_err(|e| e.to_string())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("installing a SIGTERM handler cannot fail on Unix");
        tokio::select! {
            _ = ctrl_c => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
